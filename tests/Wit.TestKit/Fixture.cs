using System;
using System.Collections.Generic;
using System.Text;
using Wit.Core.Text;

namespace Wit.TestKit;

/// <summary>
/// The tests' one fixture syntax (rust-analyzer's): a workspace in one string, each file introduced by a
/// <c>//- /path/file.wit</c> header (paths under <see cref="Root"/>; text before any header is <c>/main.wit</c>).
/// <c>$0</c> marks the cursor (at most one); <c>[|</c> and <c>|]</c> mark expected spans (any number, any file).
/// Markers are removed from the text (<see cref="MarkedText"/>).
/// </summary>
public sealed class Fixture
{
    /// <summary>The workspace directory every fixture's paths are under.</summary>
    public const string Root = "/ws";

    private const string Header = "//- ";

    private Fixture(IReadOnlyList<FixtureFile> files, FixtureCursor? cursor, IReadOnlyList<(string Path, TextSpan Span)> spans)
    {
        Files = files;
        Cursor = cursor;
        Spans = spans;
    }

    /// <summary>The files in fixture order, with full paths under <see cref="Root"/>.</summary>
    public IReadOnlyList<FixtureFile> Files { get; }

    /// <summary>Where <c>$0</c> stood, or null without one.</summary>
    public FixtureCursor? Cursor { get; }

    /// <summary>The <c>[|...|]</c> spans, in file order then offset order.</summary>
    public IReadOnlyList<(string Path, TextSpan Span)> Spans { get; }

    /// <summary>Splits <paramref name="fixture"/> into files and finds the cursor and the spans.</summary>
    /// <exception cref="ArgumentException">A header path without a leading <c>/</c>, or more than one <c>$0</c>.</exception>
    public static Fixture Parse(string fixture)
    {
        var files = new List<FixtureFile>();
        var spans = new List<(string Path, TextSpan Span)>();
        FixtureCursor? cursor = null;
        foreach (var (path, raw) in Split(fixture))
        {
            var marked = MarkedText.Parse(raw);
            if (marked.Cursor is { } offset)
            {
                if (cursor is not null) throw new ArgumentException("a fixture has at most one $0 cursor");
                cursor = new FixtureCursor(path, offset);
            }

            foreach (var span in marked.Spans) spans.Add((path, span));
            files.Add(new FixtureFile(path, marked.Text));
        }

        spans.Sort((a, b) => a.Path != b.Path ? string.CompareOrdinal(a.Path, b.Path) : a.Span.Start.CompareTo(b.Span.Start));
        return new Fixture(files, cursor, spans);
    }

    /// <summary>The text of the file at <paramref name="path"/> (a full path).</summary>
    public string TextOf(string path)
    {
        foreach (var file in Files)
        {
            if (file.Path == path) return file.Text;
        }

        throw new ArgumentException($"the fixture has no file {path}");
    }

    private static IEnumerable<(string Path, string Text)> Split(string fixture)
    {
        string path = Root + "/main.wit";
        var text = new StringBuilder();
        bool sawContent = false;
        foreach (string line in fixture.Replace("\r\n", "\n").Split('\n'))
        {
            if (line.StartsWith(Header, StringComparison.Ordinal))
            {
                if (sawContent) yield return (path, text.ToString());
                string relative = line.Substring(Header.Length).Trim();
                if (!relative.StartsWith('/')) throw new ArgumentException($"fixture header path must start with '/': {line}");
                path = Root + relative;
                text.Clear();
                sawContent = true;
                continue;
            }

            text.Append(line).Append('\n');
            sawContent |= line.Length > 0;
        }

        if (sawContent) yield return (path, text.ToString());
    }
}
