using System;
using System.Globalization;
using System.Text.Json.Serialization;

namespace Wit.Protocol;

/// <summary>
/// A JSON value that is either an integer or a string, as LSP's <c>ProgressToken</c> and request ids are.
/// It serialises back to the same JSON kind it was read from.
/// </summary>
[JsonConverter(typeof(StringOrNumberJsonConverter))]
public readonly struct StringOrNumber : IEquatable<StringOrNumber>
{
    private readonly string? text;
    private readonly long number;

    /// <summary>Creates a numeric value.</summary>
    public StringOrNumber(long number)
    {
        this.number = number;
        text = null;
    }

    /// <summary>Creates a string value.</summary>
    public StringOrNumber(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        this.text = text;
        number = 0;
    }

    /// <summary>Whether the value is a string (otherwise it is a number).</summary>
    public bool IsString => text is not null;

    /// <summary>The string value, or null when the value is a number.</summary>
    public string? String => text;

    /// <summary>The numeric value; zero when the value is a string.</summary>
    public long Number => number;

    /// <summary>Converts a number.</summary>
    public static implicit operator StringOrNumber(long number) => new(number);

    /// <summary>Converts a string.</summary>
    public static implicit operator StringOrNumber(string text) => new(text);

    /// <inheritdoc/>
    public bool Equals(StringOrNumber other) => string.Equals(text, other.text, StringComparison.Ordinal) && number == other.number;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is StringOrNumber other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => text is null ? number.GetHashCode() : StringComparer.Ordinal.GetHashCode(text);

    /// <summary>The value as text: the string itself, or the number in invariant culture.</summary>
    public override string ToString() => text ?? number.ToString(CultureInfo.InvariantCulture);

    /// <summary>Equality of kind and value.</summary>
    public static bool operator ==(StringOrNumber left, StringOrNumber right) => left.Equals(right);

    /// <summary>Inequality of kind or value.</summary>
    public static bool operator !=(StringOrNumber left, StringOrNumber right) => !left.Equals(right);
}
