using System.Globalization;
using Spectre.Console;

namespace Mesh.Cli.Hosting;

/// <summary>Checks of values given on the command line, each naming the option at fault (exit code 2, nothing sent).</summary>
internal static class Inputs
{
    /// <summary>An amount in base units: digits only, more than zero, at most 2^128 - 1.</summary>
    public static ValidationResult Amount(string? value, string option)
    {
        if (string.IsNullOrEmpty(value))
        {
            return ValidationResult.Error($"{option}: is required (base units, a whole number such as 10000000000000000000 for 10 WETH).");
        }

        if (!value.All(char.IsAsciiDigit))
        {
            return ValidationResult.Error($"{option}: '{value}' is not a whole number of base units (digits only: no sign, decimal point or exponent).");
        }

        if (!UInt128.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
        {
            return ValidationResult.Error($"{option}: '{value}' is larger than 2^128 - 1 base units.");
        }

        return amount == 0 ? ValidationResult.Error($"{option}: must be more than 0.") : ValidationResult.Success();
    }

    /// <summary>A name of the mesh (protocol id, chain, request id): 1-64 letters, digits, '.', '_' and '-'.</summary>
    public static ValidationResult Name(string? value, string option)
    {
        if (string.IsNullOrEmpty(value))
        {
            return ValidationResult.Error($"{option}: is required.");
        }

        return value.Length <= 64 && char.IsAsciiLetterOrDigit(value[0]) && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')
            ? ValidationResult.Success()
            : ValidationResult.Error($"{option}: '{value}' must be 1 to 64 letters, digits, '.', '_' and '-', starting with a letter or digit.");
    }

    /// <summary>An EVM account: 0x and 40 hex digits.</summary>
    public static ValidationResult Account(string? value, string option) =>
        value is { Length: 42 } && value.StartsWith("0x", StringComparison.Ordinal) && value.Skip(2).All(char.IsAsciiHexDigit)
            ? ValidationResult.Success()
            : ValidationResult.Error($"{option}: '{value}' is not an EVM account (0x and 40 hex digits).");

    /// <summary>A wait in whole seconds, 1 to one day.</summary>
    public static ValidationResult Seconds(int value, string option) =>
        value is >= 1 and <= 86_400 ? ValidationResult.Success() : ValidationResult.Error($"{option}: must be 1 to 86400 seconds; it is {value}.");

    /// <summary>The first error of several checks, or success.</summary>
    public static ValidationResult All(params ValidationResult[] results) =>
        results.FirstOrDefault(r => !r.Successful) ?? ValidationResult.Success();
}
