namespace Mesh.Chains.Configuration.Conversion;

/// <summary>Collects every error found in a document, so the loader can report them all at once.</summary>
internal sealed class ErrorCollector
{
    private readonly List<ChainsConfigurationError> _errors = [];

    public IReadOnlyList<ChainsConfigurationError> Errors => _errors;

    public bool HasErrors => _errors.Count > 0;

    public void Report(string path, string message) => _errors.Add(new ChainsConfigurationError(path, message));

    public void ReportAll(IEnumerable<ChainsConfigurationError> errors) => _errors.AddRange(errors);
}
