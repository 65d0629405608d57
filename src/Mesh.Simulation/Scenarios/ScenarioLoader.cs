using System.Globalization;

namespace Mesh.Simulation.Scenarios;

/// <summary>
/// Reads a scenario from CSV: a header <c>timestamp,price[,depth][,reserve_base,reserve_quote]</c> (names in any
/// order, case-insensitive), then one row per step. Timestamps are ISO-8601 (UTC unless an offset is given) or unix
/// seconds, strictly increasing; prices are finite and above zero; <c>depth</c> is the depth multiplier (1 = the
/// baseline), finite and above zero. Without a <c>depth</c> column, AMM reserves give it: the pool's liquidity
/// <c>√(reserve_base·reserve_quote)</c> relative to the first row's. Blank lines and lines starting with <c>#</c> are skipped.
/// </summary>
public static class ScenarioLoader
{
    private const string Timestamp = "timestamp";
    private const string Price = "price";
    private const string Depth = "depth";
    private const string ReserveBase = "reserve_base";
    private const string ReserveQuote = "reserve_quote";
    private static readonly string[] Known = [Timestamp, Price, Depth, ReserveBase, ReserveQuote];

    private static readonly string[] IsoFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mmK",
        "yyyy-MM-dd HH:mm:ss.FFFFFFFK", "yyyy-MM-dd HH:mm:ssK", "yyyy-MM-dd HH:mmK",
    ];

    /// <summary>Reads a scenario file; the scenario is named after the file.</summary>
    /// <param name="path">The CSV file.</param>
    /// <returns>The scenario.</returns>
    /// <exception cref="ScenarioException">The file breaks a rule; the message names the line and column.</exception>
    public static Scenario FromCsv(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        using var reader = new StreamReader(path);
        return FromCsv(reader, Path.GetFileNameWithoutExtension(path), path);
    }

    /// <summary>Reads a scenario from CSV text.</summary>
    /// <param name="reader">The text.</param>
    /// <param name="name">The scenario's name.</param>
    /// <param name="source">Where the data comes from; defaults to the name.</param>
    /// <returns>The scenario.</returns>
    /// <exception cref="ScenarioException">The text breaks a rule; the message names the line and column.</exception>
    public static Scenario FromCsv(TextReader reader, string name, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Dictionary<string, int>? columns = null;
        var rows = new List<(DateTimeOffset At, decimal Price, double? Depth, decimal? Base, decimal? Quote)>();
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (line.Trim().Length == 0 || line.TrimStart().StartsWith('#'))
            {
                continue;
            }

            var fields = line.Split(',').Select(Unquote).ToArray();
            if (columns is null)
            {
                columns = Header(fields, number);
                continue;
            }

            if (fields.Length != columns.Count)
            {
                throw new ScenarioException($"Line {number}: {fields.Length} fields, but the header has {columns.Count}.", number, null);
            }

            var row = new Row(fields, columns, number);
            var at = row.Time();
            if (rows.Count > 0 && at <= rows[^1].At)
            {
                throw row.Fail(Timestamp, $"{at:O} is not after the previous row's {rows[^1].At:O}; timestamps must strictly increase");
            }

            rows.Add((at, row.Positive(Price), row.Multiplier(), row.OptionalPositive(ReserveBase), row.OptionalPositive(ReserveQuote)));
        }

        if (columns is null)
        {
            throw new ScenarioException($"The scenario '{name}' is empty: it needs a header ({Timestamp},{Price}[,{Depth}][,{ReserveBase},{ReserveQuote}]) and rows.");
        }

        if (rows.Count == 0)
        {
            throw new ScenarioException($"The scenario '{name}' has a header but no rows.");
        }

        var liquidity0 = Liquidity(rows[0].Base, rows[0].Quote);
        var steps = rows.Select(r => new ScenarioStep(
            r.At - rows[0].At,
            r.Price,
            r.Depth ?? (liquidity0 is { } l0 ? Liquidity(r.Base, r.Quote)!.Value / l0 : 1.0),
            r.Base,
            r.Quote)).ToList();
        return new Scenario(name, steps, source ?? name, rows[0].At);
    }

    private static double? Liquidity(decimal? reserveBase, decimal? reserveQuote) =>
        reserveBase is { } b && reserveQuote is { } q ? Math.Sqrt((double)b * (double)q) : null;

    private static Dictionary<string, int> Header(string[] fields, int line)
    {
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < fields.Length; i++)
        {
            var column = fields[i].ToLowerInvariant();
            if (!Known.Contains(column))
            {
                throw new ScenarioException($"Line {line}, column {i + 1}: unknown column '{fields[i]}' (known: {string.Join(", ", Known)}).", line, fields[i]);
            }

            if (!columns.TryAdd(column, i))
            {
                throw new ScenarioException($"Line {line}, column {i + 1}: '{column}' appears twice.", line, column);
            }
        }

        foreach (var required in new[] { Timestamp, Price })
        {
            if (!columns.ContainsKey(required))
            {
                throw new ScenarioException($"Line {line}: the header has no '{required}' column.", line, required);
            }
        }

        if (columns.ContainsKey(ReserveBase) != columns.ContainsKey(ReserveQuote))
        {
            throw new ScenarioException($"Line {line}: '{ReserveBase}' and '{ReserveQuote}' come together.", line, columns.ContainsKey(ReserveBase) ? ReserveQuote : ReserveBase);
        }

        return columns;
    }

    private static string Unquote(string field)
    {
        var trimmed = field.Trim();
        return trimmed.Length >= 2 && trimmed[0] == '"' && trimmed[^1] == '"' ? trimmed[1..^1].Trim() : trimmed;
    }

    private readonly struct Row(string[] fields, Dictionary<string, int> columns, int line)
    {
        internal DateTimeOffset Time()
        {
            var text = fields[columns[Timestamp]];
            if (text.Length > 0 && text.All(c => char.IsAsciiDigit(c) || c == '.'))
            {
                return double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds) && seconds < 253_402_300_800
                    ? DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(seconds * 1000))
                    : throw Fail(Timestamp, $"'{text}' is not a unix time in seconds");
            }

            return DateTimeOffset.TryParseExact(text, IsoFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at)
                ? at
                : throw Fail(Timestamp, $"'{text}' is neither an ISO-8601 time (2022-11-08T14:00:00Z) nor unix seconds");
        }

        internal decimal Positive(string column)
        {
            var text = fields[columns[column]];
            if (!decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                throw Fail(column, $"'{text}' is not a number");
            }

            return value > 0m ? value : throw Fail(column, $"{text} is not above zero");
        }

        internal decimal? OptionalPositive(string column) => columns.ContainsKey(column) ? Positive(column) : null;

        internal double? Multiplier()
        {
            if (!columns.TryGetValue(Depth, out var index))
            {
                return null;
            }

            var text = fields[index];
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
            {
                throw Fail(Depth, $"'{text}' is not a finite number");
            }

            return value > 0 ? value : throw Fail(Depth, $"{text} is not above zero");
        }

        internal ScenarioException Fail(string column, string what) =>
            new($"Line {line}, column {columns[column] + 1} ({column}): {what}.", line, column);
    }
}
