using System.Text;

namespace Mesh.Benchmarks;

/// <summary>A probe's markdown results: title, machine line, optional note, the probe's lines, then the load average.</summary>
internal sealed class ProbeReport
{
    private readonly StringBuilder _text = new();
    private readonly string _loadAtStart = MachineInfo.LoadAverage();

    public ProbeReport(string title, string? note)
    {
        _text.AppendLine(title).AppendLine();
        _text.AppendLine(MachineInfo.Line());
        if (!string.IsNullOrWhiteSpace(note))
        {
            _text.AppendLine().AppendLine(note);
        }

        _text.AppendLine();
    }

    public void Line(string line = "")
    {
        _text.AppendLine(line);
    }

    /// <summary>Adds the load average and writes the report to the console and, if given, to <paramref name="path"/>.</summary>
    public async Task WriteAsync(string? path, CancellationToken cancellationToken)
    {
        _text.AppendLine().AppendLine($"Load average (1, 5, 15 min) at start: {_loadAtStart}; at end: {MachineInfo.LoadAverage()}.");
        var text = _text.ToString();
        Console.WriteLine(text);
        if (path is not null)
        {
            await File.WriteAllTextAsync(path, text, cancellationToken);
        }
    }
}
