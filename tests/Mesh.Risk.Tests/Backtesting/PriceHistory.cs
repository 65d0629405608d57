using System.Globalization;
using Mesh.Risk.Var;

namespace Mesh.Risk.Tests.Backtesting;

/// <summary>Loads a shipped daily close series (Data/*.csv, columns Date,Close, any row order) as log returns.</summary>
internal static class PriceHistory
{
    /// <summary>The shipped assets (file stems under Data/).</summary>
    internal static readonly string[] Assets = ["eth-usd", "sol-usd"];

    /// <summary>Dates kept back for the mesh's acceptance checks; no shipped file may contain them.</summary>
    internal static readonly DateOnly[] HeldOutDates = [new(2020, 3, 12), new(2021, 5, 19)];

    private static readonly Dictionary<string, (DateOnly[] Dates, double[] Closes)> Cache = [];

    /// <summary>The dates and closes of an asset, oldest first, checked to be consecutive calendar days.</summary>
    internal static (DateOnly[] Dates, double[] Closes) Load(string asset)
    {
        lock (Cache)
        {
            if (Cache.TryGetValue(asset, out var cached))
            {
                return cached;
            }

            var path = Path.Combine(AppContext.BaseDirectory, "Data", asset + ".csv");
            var rows = File.ReadAllLines(path)
                .Skip(1)
                .Where(line => line.Length > 0)
                .Select(line => line.Split(','))
                .Select(cells => (Date: DateOnly.ParseExact(cells[0], "yyyy-MM-dd", CultureInfo.InvariantCulture), Close: double.Parse(cells[1], CultureInfo.InvariantCulture)))
                .OrderBy(row => row.Date)
                .ToArray();
            for (var i = 1; i < rows.Length; i++)
            {
                if (rows[i].Date.DayNumber - rows[i - 1].Date.DayNumber != 1)
                {
                    throw new InvalidDataException($"{asset}: {rows[i - 1].Date} is not followed by the next day but by {rows[i].Date}.");
                }
            }

            var loaded = (rows.Select(r => r.Date).ToArray(), rows.Select(r => r.Close).ToArray());
            Cache[asset] = loaded;
            return loaded;
        }
    }

    /// <summary>The asset's daily log returns, oldest first.</summary>
    internal static double[] Returns(string asset) => LogReturns.FromPrices(Load(asset).Closes);
}
