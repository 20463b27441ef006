using System;
using System.IO;

namespace Wit.Repo.Tests;

/// <summary>Where the repository is, found from the test assembly's location.</summary>
public static class RepositoryPaths
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    /// <summary>The directory holding <c>LanguageTools.sln</c>.</summary>
    public static string Root => LazyRoot.Value;

    public static string Combine(params string[] relative) => Path.Combine(Root, Path.Combine(relative));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "LanguageTools.sln"))) return dir.FullName;
        }

        throw new InvalidOperationException($"LanguageTools.sln not found above {AppContext.BaseDirectory}");
    }
}
