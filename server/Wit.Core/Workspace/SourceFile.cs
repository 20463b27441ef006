using Wit.Core.Syntax;

namespace Wit.Core.Workspace;

/// <summary>A parsed WIT file of a package source.</summary>
public sealed class SourceFile
{
    public SourceFile(string path, SyntaxTree tree)
    {
        Path = path;
        Tree = tree;
    }

    public string Path { get; }

    public SyntaxTree Tree { get; }
}
