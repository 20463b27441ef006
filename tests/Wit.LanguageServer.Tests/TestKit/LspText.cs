using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;

namespace Wit.LanguageServer.Tests.TestKit;

/// <summary>
/// Text helpers for checking LSP results against document texts: positions of needles, the text a range covers, and
/// applying <c>TextEdit</c>s (sorted descending by start, so earlier edits do not move later ones), as a client does.
/// Positions are UTF-16 code units, like the strings.
/// </summary>
public static class LspText
{
    /// <summary>The offset of an LSP position (line, character) in <paramref name="text"/>.</summary>
    public static int Offset(string text, int line, int character)
    {
        int offset = 0;
        for (int l = 0; l < line; l++)
        {
            int next = text.IndexOf('\n', offset);
            if (next < 0) throw new ArgumentOutOfRangeException(nameof(line), $"line {line} is past the end");
            offset = next + 1;
        }

        return offset + character;
    }

    public static int Offset(string text, JsonNode position) =>
        Offset(text, position["line"]!.GetValue<int>(), position["character"]!.GetValue<int>());

    /// <summary>The (line, character) of an offset.</summary>
    public static (int Line, int Character) Position(string text, int offset)
    {
        string before = text.Substring(0, offset);
        return (before.Count(c => c == '\n'), offset - (before.LastIndexOf('\n') + 1));
    }

    /// <summary>The position <paramref name="delta"/> characters into the <paramref name="occurrence"/>-th <paramref name="needle"/>.</summary>
    public static (int Line, int Character) Find(string text, string needle, int occurrence = 0, int delta = 0)
    {
        int at = -1;
        for (int i = 0; i <= occurrence; i++)
        {
            at = text.IndexOf(needle, at + 1, StringComparison.Ordinal);
            if (at < 0) throw new ArgumentException($"`{needle}` (occurrence {occurrence}) not found in:\n{text}");
        }

        return Position(text, at + delta);
    }

    /// <summary>The range <c>{start, end}</c> covering the <paramref name="occurrence"/>-th <paramref name="needle"/>, as JSON.</summary>
    public static string RangeOf(string text, string needle, int occurrence = 0)
    {
        var (line, character) = Find(text, needle, occurrence);
        var (endLine, endCharacter) = Find(text, needle, occurrence, needle.Length);
        return LspTestClient.Range(line, character, endLine, endCharacter).ToJsonString();
    }

    /// <summary>The text an LSP range covers.</summary>
    public static string Slice(string text, JsonNode range)
    {
        int start = Offset(text, range["start"]!);
        int end = Offset(text, range["end"]!);
        return text.Substring(start, end - start);
    }

    /// <summary>Applies LSP <c>TextEdit</c>s (non-overlapping, as the protocol requires) to <paramref name="text"/>.</summary>
    public static string Apply(string text, JsonArray edits)
    {
        var spans = edits.Select(e => (Start: Offset(text, e!["range"]!["start"]!), End: Offset(text, e!["range"]!["end"]!), NewText: e!["newText"]!.GetValue<string>()))
            .OrderByDescending(e => e.Start).ThenByDescending(e => e.End).ToList();
        for (int i = 1; i < spans.Count; i++)
        {
            if (spans[i].End > spans[i - 1].Start) throw new InvalidOperationException($"overlapping edits at {spans[i].Start}..{spans[i].End} and {spans[i - 1].Start}..{spans[i - 1].End}");
        }

        var builder = new StringBuilder(text);
        foreach (var (start, end, newText) in spans) builder.Remove(start, end - start).Insert(start, newText);
        return builder.ToString();
    }

    /// <summary>Applies a <c>WorkspaceEdit</c>'s <c>changes</c> to the given files (keyed by path); returns the new texts of the changed files.</summary>
    public static Dictionary<string, string> Apply(IReadOnlyDictionary<string, string> files, JsonNode workspaceEdit)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (uri, edits) in workspaceEdit["changes"]!.AsObject())
        {
            string path = new Uri(uri).LocalPath;
            result[path] = Apply(files[path], edits!.AsArray());
        }

        return result;
    }

    /// <summary>Applies semantic-token delta edits (<c>start</c>, <c>deleteCount</c>, <c>data</c>) to the previous data.</summary>
    public static List<int> ApplyTokenEdits(IEnumerable<int> previous, JsonArray edits)
    {
        var data = previous.ToList();
        foreach (var edit in edits.OrderByDescending(e => e!["start"]!.GetValue<int>()))
        {
            int start = edit!["start"]!.GetValue<int>();
            data.RemoveRange(start, edit["deleteCount"]!.GetValue<int>());
            if (edit["data"] is JsonArray inserted) data.InsertRange(start, inserted.Select(n => n!.GetValue<int>()));
        }

        return data;
    }

    public static JsonObject Doc(string path) => new() { ["uri"] = LspTestClient.Uri(path) };
}
