using System.Globalization;
using System.Text;

namespace Wit.Cli.Json;

/// <summary>
/// Quotes a string as serde_json does: only the quote, the backslash and control characters below U+0020 are
/// escaped (<c>\b \t \n \f \r</c> by name, the rest as lowercase <c>\u00xx</c>); everything else, non-ASCII included,
/// is written as it is. <see cref="System.Text.Json.Utf8JsonWriter"/>'s encoders escape more (surrogate pairs among
/// them), which would break byte-for-byte equality with wit-parser's output.
/// </summary>
public static class SerdeJsonString
{
    /// <summary>The JSON string literal for <paramref name="value"/>, quotes included.</summary>
    public static string Quote(string value)
    {
        var builder = new StringBuilder(value.Length + 2);
        builder.Append('"');
        foreach (char c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\b': builder.Append("\\b"); break;
                case '\t': builder.Append("\\t"); break;
                case '\n': builder.Append("\\n"); break;
                case '\f': builder.Append("\\f"); break;
                case '\r': builder.Append("\\r"); break;
                default:
                    if (c < 0x20) builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else builder.Append(c);
                    break;
            }
        }

        builder.Append('"');
        return builder.ToString();
    }
}
