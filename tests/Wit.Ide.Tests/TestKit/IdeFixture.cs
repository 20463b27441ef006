using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Wit.Core.Text;
using Wit.Core.Workspace;
using Wit.Ide.Analysis;
using Wit.Ide.Workspace;

namespace Wit.Ide.Tests.TestKit;

/// <summary>
/// The IDE tests' one fixture syntax (rust-analyzer's): a workspace in one string, each file introduced by a
/// <c>//- /path/file.wit</c> header (paths under <see cref="Root"/>; text before any header is <c>/main.wit</c>).
/// <c>$0</c> marks the cursor (at most one); <c>[|</c> and <c>|]</c> mark expected spans (any number, any file).
/// Markers are removed from the text. The cursor's file (or the first file) is opened in the editor; the others are
/// read from the in-memory disk, as in a real workspace.
/// </summary>
public sealed class IdeFixture
{
    public const string Root = "/ws";

    private IdeFixture(IdeWorkspace workspace, InMemoryFileSystem disk, IReadOnlyList<(string Path, string Text)> files, string? cursorPath, int cursorOffset, IReadOnlyList<(string Path, TextSpan Span)> spans)
    {
        Workspace = workspace;
        Disk = disk;
        Files = files;
        CursorPath = cursorPath;
        CursorOffset = cursorOffset;
        Spans = spans;
    }

    public IdeWorkspace Workspace { get; }

    public InMemoryFileSystem Disk { get; }

    public IdeSnapshot Snapshot => Workspace.Snapshot;

    public IReadOnlyList<(string Path, string Text)> Files { get; }

    /// <summary>The file the cursor is in, or null without a <c>$0</c>.</summary>
    public string? CursorPath { get; }

    public int CursorOffset { get; }

    /// <summary>The cursor's file, or the first file when there is no cursor: the file a test asks about.</summary>
    public string MainPath => CursorPath ?? Files[0].Path;

    /// <summary>The <c>[|...|]</c> spans, in file order then offset order.</summary>
    public IReadOnlyList<(string Path, TextSpan Span)> Spans { get; }

    public string TextOf(string path) => Files.First(f => f.Path == path).Text;

    public static IdeFixture Load(string fixture, IdeOptions? options = null, bool openAll = false)
    {
        var files = new List<(string Path, string Text)>();
        var spans = new List<(string Path, TextSpan Span)>();
        string? cursorPath = null;
        int cursorOffset = -1;
        foreach (var (path, raw) in Split(fixture))
        {
            var text = new StringBuilder();
            var open = new Stack<int>();
            for (int i = 0; i < raw.Length; i++)
            {
                if (string.CompareOrdinal(raw, i, "$0", 0, 2) == 0)
                {
                    if (cursorPath is not null) throw new ArgumentException("a fixture has at most one $0 cursor");
                    cursorPath = path;
                    cursorOffset = text.Length;
                    i++;
                }
                else if (string.CompareOrdinal(raw, i, "[|", 0, 2) == 0)
                {
                    open.Push(text.Length);
                    i++;
                }
                else if (string.CompareOrdinal(raw, i, "|]", 0, 2) == 0 && open.Count > 0)
                {
                    spans.Add((path, TextSpan.FromBounds(open.Pop(), text.Length)));
                    i++;
                }
                else
                {
                    text.Append(raw[i]);
                }
            }

            files.Add((path, text.ToString()));
        }

        var disk = new InMemoryFileSystem();
        foreach (var (path, text) in files) disk.Add(path, text);
        var workspace = new IdeWorkspace(disk, options);
        workspace.SetFolders(new[] { Root });
        string main = cursorPath ?? files[0].Path;
        foreach (var (path, text) in files)
        {
            if (openAll || path == main) workspace.Open(path, text, version: 1);
        }

        spans.Sort((a, b) => a.Path != b.Path ? string.CompareOrdinal(a.Path, b.Path) : a.Span.Start.CompareTo(b.Span.Start));
        return new IdeFixture(workspace, disk, files, cursorPath, cursorOffset, spans);
    }

    private static IEnumerable<(string Path, string Text)> Split(string fixture)
    {
        string path = Root + "/main.wit";
        var text = new StringBuilder();
        bool sawContent = false;
        foreach (string line in fixture.Replace("\r\n", "\n").Split('\n'))
        {
            if (line.StartsWith("//- ", StringComparison.Ordinal))
            {
                if (sawContent) yield return (path, text.ToString());
                string relative = line.Substring(4).Trim();
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
