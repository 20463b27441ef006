using System;
using System.Linq;
using System.Text;
using System.Text.Json;
using Wit.Protocol.Lsp;
using Xunit;

namespace Wit.Protocol.Tests;

/// <summary>A document's text is read exactly, and a long one without the shared array pool (which keeps what it lends).</summary>
[Collection(PoolListenerCollection.Name)]
public sealed class DocumentTextTests
{
    private static string LongText(int lines)
    {
        var builder = new StringBuilder();
        for (int i = 0; i < lines; i++) builder.Append("  f").Append(i).Append(": func(s: string) -> u32; // \"é\" \\ \u00e9\u4e2d\t😀\n");
        return builder.ToString();
    }

    private static byte[] DidOpen(string text) => JsonSerializer.SerializeToUtf8Bytes(
        new TextDocumentItem { Uri = "file:///a.wit", LanguageId = "wit", Version = 1, Text = text }, LspJsonContext.Default.TextDocumentItem);

    [Theory]
    [InlineData(3)]
    [InlineData(20_000)]
    public void Text_round_trips_exactly(int lines)
    {
        string text = LongText(lines);
        var item = JsonSerializer.Deserialize(DidOpen(text), LspJsonContext.Default.TextDocumentItem)!;
        Assert.Equal(text, item.Text);

        var change = JsonSerializer.Deserialize(
            JsonSerializer.SerializeToUtf8Bytes(new TextDocumentContentChangeEvent { Text = text }, LspJsonContext.Default.TextDocumentContentChangeEvent),
            LspJsonContext.Default.TextDocumentContentChangeEvent)!;
        Assert.Equal(text, change.Text);
    }

    [Fact]
    public void A_long_text_is_not_unescaped_into_a_pooled_array()
    {
        byte[] json = DidOpen(LongText(30_000));
        using var listener = new Wit.TestKit.ArrayPoolListener();
        var item = JsonSerializer.Deserialize(json, LspJsonContext.Default.TextDocumentItem)!;
        Assert.True(item.Text.Length > 1_000_000);
        Assert.DoesNotContain(listener.Rented, size => size >= DocumentTextJsonConverter.OwnBufferFrom);
    }

    [Theory]
    [InlineData("\"\\ud800 lone surrogate\"")]
    [InlineData("\"\xff invalid utf-8\"")]
    public void A_broken_long_text_is_a_JSON_error(string value)
    {
        string padding = new string('a', DocumentTextJsonConverter.OwnBufferFrom) + "\\n";
        byte[] json = Encoding.Latin1.GetBytes("{\"uri\":\"file:///a.wit\",\"languageId\":\"wit\",\"version\":1,\"text\":\"" + padding + value[1..]  + "}");
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(json, LspJsonContext.Default.TextDocumentItem));
    }
}
