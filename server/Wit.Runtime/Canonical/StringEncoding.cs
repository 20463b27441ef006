namespace Wit.Runtime.Canonical;

/// <summary>The <c>string-encoding</c> canonical option, and where a string value came from.</summary>
public enum StringEncoding
{
    Utf8,
    Utf16,
    /// <summary><c>latin1+utf16</c>: Latin-1 when every code point fits a byte, else UTF-16 with the length's top bit set.</summary>
    Latin1Utf16,
}
