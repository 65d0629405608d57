namespace Mesh.Simulation.Scenarios;

/// <summary>A scenario file that cannot be read: the message names the line, the column and what is wrong.</summary>
public sealed class ScenarioException : Exception
{
    /// <summary>Creates the failure.</summary>
    /// <param name="message">What is wrong, for a person.</param>
    /// <param name="line">The 1-based line at fault, or 0 when the whole file is.</param>
    /// <param name="column">The column's name at fault, if any.</param>
    public ScenarioException(string message, int line, string? column)
        : base(message)
    {
        Line = line;
        Column = column;
    }

    /// <summary>Creates the failure without a position.</summary>
    /// <param name="message">What is wrong.</param>
    public ScenarioException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the failure without a position.</summary>
    public ScenarioException()
        : this("The scenario cannot be read.")
    {
    }

    /// <summary>Creates the failure without a position.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The cause.</param>
    public ScenarioException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Gets the 1-based line at fault, or 0 when the whole file is.</summary>
    public int Line { get; }

    /// <summary>Gets the name of the column at fault, if any.</summary>
    public string? Column { get; }
}
