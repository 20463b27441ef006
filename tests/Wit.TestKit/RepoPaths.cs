using System;
using System.IO;

namespace Wit.TestKit;

/// <summary>
/// Locates the repository from the running assembly, so tests and benchmarks find the project files, the shared
/// corpus (<c>../shared/corpus</c>) and the gitignored <c>artifacts/</c> folder wherever the build output lives.
/// </summary>
public static class RepoPaths
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    /// <summary>The directory that contains <c>LanguageTools.sln</c>.</summary>
    public static string Root => RootPath.Value;

    /// <summary>A path relative to the repository root.</summary>
    public static string Combine(params string[] relative) => Path.Combine(Root, Path.Combine(relative));

    /// <summary>A folder of the shared corpus, <c>../shared/corpus/...</c> from the repository root.</summary>
    public static string Corpus(params string[] parts) =>
        Path.GetFullPath(Path.Combine(Root, "..", "shared", "corpus", Path.Combine(parts)));

    /// <summary>A path under <c>artifacts/</c> (gitignored); its directory is created.</summary>
    public static string Artifact(params string[] parts)
    {
        string path = Path.Combine(Root, "artifacts", Path.Combine(parts));
        string? directory = Path.GetDirectoryName(path);
        if (directory is not null) Directory.CreateDirectory(directory);
        return path;
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "LanguageTools.sln"))) return directory.FullName;
        }

        throw new InvalidOperationException($"No LanguageTools.sln above {AppContext.BaseDirectory}.");
    }
}
