namespace Mesh.Chains.Configuration;

/// <summary>
/// Thrown when a <c>chains.json</c> file cannot be read or is invalid. <see cref="Exception.Message"/> has one line per
/// error in the form <c>file: path: message</c>; <see cref="Errors"/> holds every error found, not just the first.
/// </summary>
public sealed class ChainsConfigurationException : Exception
{
    /// <summary>Creates the exception for the errors found in one source.</summary>
    /// <param name="sourceName">The file path or other name of the source, used in the message.</param>
    /// <param name="errors">The errors; at least one.</param>
    public ChainsConfigurationException(string sourceName, IReadOnlyList<ChainsConfigurationError> errors)
        : base(FormatMessage(sourceName, errors))
    {
        SourceName = sourceName;
        Errors = errors;
    }

    /// <summary>The file path or other name of the source that failed.</summary>
    public string SourceName { get; }

    /// <summary>
    /// Every error found: breaches of <c>chains.schema.json</c> first, then the checks a schema cannot express
    /// (duplicates, cross-references), each group in file order.
    /// </summary>
    public IReadOnlyList<ChainsConfigurationError> Errors { get; }

    private static string FormatMessage(string sourceName, IReadOnlyList<ChainsConfigurationError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (errors.Count == 0)
        {
            throw new ArgumentException("At least one error is required.", nameof(errors));
        }

        return string.Join('\n', errors.Select(e => $"{sourceName}: {e.Path}: {e.Message}"));
    }
}
