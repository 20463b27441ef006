using Wit.Core.Syntax;
using Wit.Core.Text;

namespace Wit.Ide.Analysis;

/// <summary>One file as the IDE sees it: an open editor buffer (with its version) or a file read from disk.</summary>
public sealed class IdeDocument
{
    public IdeDocument(string path, SyntaxTree tree, int? version, bool isOpen)
    {
        Path = path;
        Tree = tree;
        Version = version;
        IsOpen = isOpen;
    }

    /// <summary>The full file-system path (the key every feature uses).</summary>
    public string Path { get; }

    public SyntaxTree Tree { get; }

    public SourceText Text => Tree.Text;

    /// <summary>The editor's version of an open buffer; null for a file read from disk.</summary>
    public int? Version { get; }

    public bool IsOpen { get; }

    public SyntaxLanguage Language => Tree.Language;
}
