using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;

namespace Wit.Repo.Tests;

/// <summary>The references of one .csproj, read as XML (no MSBuild evaluation: conditions are ignored).</summary>
public sealed class ProjectFile
{
    private ProjectFile(string name, string path, IReadOnlyList<string> projectReferences, IReadOnlyList<string> packageReferences)
    {
        Name = name;
        Path = path;
        ProjectReferences = projectReferences;
        PackageReferences = packageReferences;
    }

    /// <summary>The project's file name without extension, e.g. <c>Wit.Core</c>.</summary>
    public string Name { get; }

    /// <summary>The path relative to the repository root, with '/' separators.</summary>
    public string Path { get; }

    /// <summary>The names of the referenced projects.</summary>
    public IReadOnlyList<string> ProjectReferences { get; }

    public IReadOnlyList<string> PackageReferences { get; }

    public static ProjectFile Load(string fullPath)
    {
        var document = XDocument.Load(fullPath);
        var projects = document.Descendants()
            .Where(e => e.Name.LocalName == "ProjectReference")
            .Select(e => (string?)e.Attribute("Include") ?? string.Empty)
            .Select(include => System.IO.Path.GetFileNameWithoutExtension(include.Replace('\\', '/')))
            .ToList();
        var packages = document.Descendants()
            .Where(e => e.Name.LocalName == "PackageReference")
            .Select(e => (string?)e.Attribute("Include") ?? (string?)e.Attribute("Update") ?? string.Empty)
            .ToList();
        string relative = System.IO.Path.GetRelativePath(RepoPaths.Root, fullPath).Replace('\\', '/');
        return new ProjectFile(System.IO.Path.GetFileNameWithoutExtension(fullPath), relative, projects, packages);
    }

    /// <summary>Every .csproj below a repository folder, build output excluded.</summary>
    public static IEnumerable<ProjectFile> LoadAll(string folder)
    {
        string root = RepoPaths.Combine(folder);
        if (!Directory.Exists(root)) yield break;
        foreach (string file in Directory.EnumerateFiles(root, "*.csproj", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal))
        {
            string relative = System.IO.Path.GetRelativePath(root, file).Replace('\\', '/');
            if (relative.Split('/').Any(part => part is "bin" or "obj")) continue;
            yield return Load(file);
        }
    }

    public override string ToString() => Path;
}
