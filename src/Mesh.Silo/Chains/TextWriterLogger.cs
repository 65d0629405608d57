namespace Mesh.Silo.Chains;

/// <summary>A logger that writes each message as one line to a writer: the <c>deploy</c> command's progress on standard error.</summary>
internal sealed class TextWriterLogger(TextWriter writer, string prefix) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (IsEnabled(logLevel))
        {
            lock (writer)
            {
                writer.WriteLine($"{prefix}{(logLevel >= LogLevel.Warning ? "warning: " : string.Empty)}{formatter(state, exception)}");
            }
        }
    }
}
