using System.Linq;
using Wit.Core.Syntax;
using Wit.Core.Witx.Semantics;

namespace Wit.Ide.Analysis;

/// <summary>A <c>.witx</c> document resolved with the files it <c>use</c>s. Immutable once built.</summary>
public sealed class WitxAnalysis
{
    internal WitxAnalysis(string path, SyntaxTree tree, WitxModel model)
    {
        Path = path;
        Tree = tree;
        Model = model;
    }

    public string Path { get; }

    public SyntaxTree Tree { get; }

    public WitxModel Model { get; }

    /// <summary>Whether the analysis read <paramref name="path"/> (the document itself or a file it uses).</summary>
    public bool DependsOn(string path) => path == Path || Model.Files.Any(f => f.Text.Path == path);
}
