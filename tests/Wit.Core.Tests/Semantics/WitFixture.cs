using System;
using System.Collections.Generic;
using System.Text;
using Wit.Core.Semantics;
using Wit.Core.Workspace;

namespace Wit.Core.Tests.Semantics;

/// <summary>
/// The resolver tests' one fixture syntax, after rust-analyzer's: a multi-file workspace in one string, each file
/// introduced by a <c>//- /path/file.wit</c> header line (paths relative to the workspace root <see cref="Root"/>,
/// dependencies under <c>/deps/...</c>). Text before the first header, or a fixture without headers, is
/// <c>/main.wit</c>. One <c>$0</c> marks a cursor; it is removed from the text.
/// </summary>
public static class WitFixture
{
    /// <summary>The workspace directory every fixture is loaded into.</summary>
    public const string Root = "/ws";

    private const string Header = "//- ";
    private const string CursorMarker = "$0";

    /// <summary>Loads the fixture into memory and resolves <see cref="Root"/>.</summary>
    public static ResolvedFixture Resolve(string fixture, ResolveOptions? options = null)
    {
        var (files, cursor) = Parse(fixture);
        var fileSystem = new InMemoryFileSystem();
        foreach (var file in files) fileSystem.Add(file.Path, file.Text);
        var workspace = WorkspaceLoader.Load(fileSystem, Root);
        return new ResolvedFixture(workspace, WitResolver.Resolve(workspace, options), files, cursor);
    }

    /// <summary>Splits a fixture into files (full paths under <see cref="Root"/>) and finds the cursor, if any.</summary>
    public static (IReadOnlyList<FixtureFile> Files, FixtureCursor? Cursor) Parse(string fixture)
    {
        var files = new List<FixtureFile>();
        FixtureCursor? cursor = null;
        string path = Root + "/main.wit";
        var text = new StringBuilder();
        bool sawContent = false;

        void Flush()
        {
            string content = text.ToString();
            int marker = content.IndexOf(CursorMarker, StringComparison.Ordinal);
            if (marker >= 0)
            {
                if (cursor is not null) throw new ArgumentException("a fixture has at most one $0 cursor");
                cursor = new FixtureCursor(path, marker);
                content = content.Remove(marker, CursorMarker.Length);
                if (content.Contains(CursorMarker, StringComparison.Ordinal)) throw new ArgumentException("a fixture has at most one $0 cursor");
            }

            files.Add(new FixtureFile(path, content));
        }

        foreach (string line in fixture.Replace("\r\n", "\n").Split('\n'))
        {
            if (line.StartsWith(Header, StringComparison.Ordinal))
            {
                if (sawContent) Flush();
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

        if (sawContent) Flush();
        return (files, cursor);
    }
}
