using System;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol;

/// <summary>
/// Reads a document's text (<c>didOpen</c>, <c>didChange</c>) without the shared array pool. A JSON string with
/// escapes (every multi-line text has <c>\n</c>) is unescaped by <see cref="Utf8JsonReader.GetString"/> into a buffer
/// rented from <c>ArrayPool&lt;byte&gt;.Shared</c>, which keeps it for reuse: after a 20 MB document the server held a
/// 32 MB pooled array (20 MB of it resident) long after the document was closed. A long text is unescaped into an
/// array of its own instead, which the garbage collector frees (and the server's memory trim gives back).
/// </summary>
public sealed class DocumentTextJsonConverter : JsonConverter<string>
{
    /// <summary>Texts shorter than this (in escaped UTF-8 bytes) are read as usual: the pool's small arrays are cheap to keep.</summary>
    internal const int OwnBufferFrom = 64 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <inheritdoc/>
    public override string Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String) throw new JsonException("Expected the document's text as a string.");
        // A value split over several buffers (not the case for a whole message read at once) takes the usual path.
        if (reader.HasValueSequence || !reader.ValueIsEscaped || reader.ValueSpan.Length < OwnBufferFrom) return reader.GetString()!;

        // Unescaping never makes the text longer, and copying an escaped value into a span rents nothing.
        var unescaped = new byte[reader.ValueSpan.Length];
        int length = reader.CopyString(unescaped);
        try
        {
            return StrictUtf8.GetString(unescaped, 0, length);
        }
        catch (DecoderFallbackException exception)
        {
            throw new JsonException("The document's text is not valid UTF-8.", exception);
        }
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
