using System.Globalization;
using System.Text.Json.Serialization;
using Mesh.Api.Problems;

namespace Mesh.Api.Json;

/// <summary>
/// A positive amount in integer base units of a token, below 2^128. On the wire it is a JSON string of decimal digits
/// (<c>"1500000"</c>), never a JSON number (which loses precision past 2^53 in many clients): no sign, point,
/// exponent, spaces or leading zeros, and not zero.
/// </summary>
/// <param name="Value">The base units.</param>
[JsonConverter(typeof(AmountJsonConverter))]
public readonly record struct Amount(UInt128 Value)
{
    /// <summary>The largest amount, 2^128-1.</summary>
    public static readonly UInt128 Max = UInt128.MaxValue;

    /// <summary>Parses an amount; a refused one throws <see cref="ApiException"/> (400 <c>request.invalid_amount</c>) naming the field.</summary>
    /// <param name="text">The digits.</param>
    /// <param name="field">The field name for the error (<c>amount</c>).</param>
    /// <returns>The amount.</returns>
    public static Amount Parse(string? text, string field)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(field);
        return TryParse(text, out var amount, out var error)
            ? amount
            : throw new ApiException(400, ApiErrorCodes.InvalidAmount, $"{field}: {error}", field);
    }

    /// <summary>Parses an amount.</summary>
    /// <param name="text">The digits.</param>
    /// <param name="amount">The amount, when valid.</param>
    /// <param name="error">Why it is not, without the field name (<c>must be a string of digits</c>, <c>zero</c>, <c>exceeds 2^128-1</c>).</param>
    /// <returns>True when valid.</returns>
    public static bool TryParse(string? text, out Amount amount, out string? error)
    {
        amount = default;
        error = Check(text);
        if (error is not null)
        {
            return false;
        }

        if (!UInt128.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            error = "exceeds 2^128-1";
            return false;
        }

        if (value == UInt128.Zero)
        {
            error = "zero";
            return false;
        }

        amount = new Amount(value);
        return true;
    }

    /// <inheritdoc />
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);

    private static string? Check(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "must be a string of digits";
        }

        if (text[0] == '-')
        {
            return "must not be negative";
        }

        if (text.Contains('.', StringComparison.Ordinal) || text.Contains(',', StringComparison.Ordinal))
        {
            return "must be a whole number of base units (no decimal point)";
        }

        foreach (var c in text)
        {
            if (c is < '0' or > '9')
            {
                return "must be a string of digits";
            }
        }

        if (text.Length > 1 && text[0] == '0')
        {
            return text.All(c => c == '0') ? "zero" : "must not have leading zeros";
        }

        return text.Length > 39 ? "exceeds 2^128-1" : null;
    }
}
