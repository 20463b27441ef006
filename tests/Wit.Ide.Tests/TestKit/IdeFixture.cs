using System;
using System.Collections.Generic;
using System.Linq;
using Wit.Core.Text;
using Wit.Core.Workspace;
using Wit.Ide.Analysis;
using Wit.Ide.Workspace;

namespace Wit.Ide.Tests.TestKit;

/// <summary>
/// An IDE workspace loaded from the shared fixture syntax (<see cref="Fixture"/>: <c>//- /path/file.wit</c> headers, a
/// <c>$0</c> cursor, <c>[|span|]</c> markers). The cursor's file (or the first file) is opened in the editor; the others
/// are read from the in-memory disk, as in a real workspace.
/// </summary>
public sealed class IdeFixture
{
    public const string Root = Fixture.Root;

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
        var parsed = Fixture.Parse(fixture);
        var files = parsed.Files.Select(f => (f.Path, f.Text)).ToList();
        var disk = new InMemoryFileSystem();
        foreach (var (path, text) in files) disk.Add(path, text);
        var workspace = new IdeWorkspace(disk, options);
        workspace.SetFolders(new[] { Root });
        string main = parsed.Cursor?.Path ?? files[0].Path;
        foreach (var (path, text) in files)
        {
            if (openAll || path == main) workspace.Open(path, text, version: 1);
        }

        return new IdeFixture(workspace, disk, files, parsed.Cursor?.Path, parsed.Cursor?.Offset ?? -1, parsed.Spans);
    }
}
