using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Wit.Core.Tests.TestKit;
using Wit.Core.Workspace;

namespace Wit.Core.Tests.Semantics;

/// <summary>
/// A package root from the corpus held as text, to be mutated and loaded into memory: a single <c>.wit</c> file, or
/// a directory with its <c>deps/</c>. <see cref="Files"/> paths are relative to the root (a file's is its name).
/// </summary>
public sealed class CorpusWorkspace
{
    private CorpusWorkspace(string name, bool isDirectory, IReadOnlyList<FixtureFile> files)
    {
        Name = name;
        IsDirectory = isDirectory;
        Files = files;
    }

    public string Name { get; }

    public bool IsDirectory { get; }

    public IReadOnlyList<FixtureFile> Files { get; }

    /// <summary>The path to resolve once the files are placed under <see cref="WitFixture.Root"/>.</summary>
    public string RootPath => IsDirectory ? WitFixture.Root : $"{WitFixture.Root}/{Files[0].Path}";

    /// <summary>The passing tests of <c>wit-parser-ui</c> (not <c>parse-fail/</c>), with only their WIT text files.</summary>
    public static IReadOnlyList<CorpusWorkspace> WitParserUiPassing()
    {
        string root = Corpus.PathOf("wit-parser-ui");
        var result = new List<CorpusWorkspace>();
        foreach (string file in Directory.GetFiles(root, "*.wit").OrderBy(f => f, StringComparer.Ordinal))
        {
            result.Add(new CorpusWorkspace(Path.GetFileName(file), false, new[] { new FixtureFile(Path.GetFileName(file), Corpus.ReadText(file)) }));
        }

        foreach (string directory in Directory.GetDirectories(root).OrderBy(d => d, StringComparer.Ordinal))
        {
            if (Path.GetFileName(directory) == "parse-fail") continue;
            var files = Corpus.FilesUnder(directory, ".wit")
                .Select(f => new FixtureFile(Path.GetRelativePath(directory, f).Replace('\\', '/'), Corpus.ReadText(f)))
                .ToList();
            if (files.Count > 0) result.Add(new CorpusWorkspace(Path.GetFileName(directory), true, files));
        }

        return result;
    }

    /// <summary>The same workspace with one file's text replaced.</summary>
    public CorpusWorkspace With(int fileIndex, string text)
    {
        var files = Files.ToList();
        files[fileIndex] = files[fileIndex] with { Text = text };
        return new CorpusWorkspace(Name, IsDirectory, files);
    }

    public InMemoryFileSystem ToFileSystem()
    {
        var fileSystem = new InMemoryFileSystem();
        foreach (var file in Files) fileSystem.Add($"{WitFixture.Root}/{file.Path}", file.Text);
        return fileSystem;
    }

    public override string ToString() => Name;
}
