using System.Collections.Generic;
using Wit.Core.Diagnostics;

namespace Wit.Core.Workspace;

/// <summary>What <see cref="WorkspaceLoader"/> read: the dependencies (sorted by name) and the root package source.</summary>
public sealed class LoadedWorkspace
{
    public LoadedWorkspace(string rootPath, IReadOnlyList<PackageSource> dependencies, PackageSource? root, IReadOnlyList<LoadError> errors)
    {
        RootPath = rootPath;
        Dependencies = dependencies;
        Root = root;
        Errors = errors;
    }

    public string RootPath { get; }

    public IReadOnlyList<PackageSource> Dependencies { get; }

    public PackageSource? Root { get; }

    /// <summary>Files that could not be read or are not supported (encoded <c>.wasm</c>/<c>.wat</c> packages).</summary>
    public IReadOnlyList<LoadError> Errors { get; }

    /// <summary>Every source, dependencies first.</summary>
    public IEnumerable<PackageSource> AllSources
    {
        get
        {
            foreach (var dependency in Dependencies) yield return dependency;
            if (Root is not null) yield return Root;
        }
    }

    /// <summary>Every syntax diagnostic of every file, with its document.</summary>
    public IEnumerable<Diagnostic> SyntaxDiagnostics
    {
        get
        {
            foreach (var source in AllSources)
            {
                foreach (var file in source.Files)
                {
                    foreach (var diagnostic in file.Tree.Diagnostics) yield return diagnostic.WithDocument(file.Tree.Text);
                }
            }
        }
    }
}
