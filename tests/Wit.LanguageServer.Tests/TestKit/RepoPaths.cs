using System;
using System.IO;

namespace Wit.LanguageServer.Tests.TestKit;

/// <summary>Locates the repository from the running assembly, and the shared corpus next to it.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    /// <summary>The directory that contains <c>LanguageTools.sln</c>.</summary>
    public static string Root => RootPath.Value;

    /// <summary>A path under <c>../shared/corpus</c>.</summary>
    public static string Corpus(params string[] parts) => Path.GetFullPath(Path.Combine(Root, "..", "shared", "corpus", Path.Combine(parts)));

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "LanguageTools.sln"))) return directory.FullName;
        }

        throw new InvalidOperationException($"No LanguageTools.sln above {AppContext.BaseDirectory}.");
    }
}
