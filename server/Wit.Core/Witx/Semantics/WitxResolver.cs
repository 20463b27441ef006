using System.Collections.Generic;
using Wit.Core.Syntax;
using Wit.Core.Text;
using Wit.Core.Workspace;

namespace Wit.Core.Witx.Semantics;

/// <summary>
/// Resolves and validates WITX documents as the witx crate (0.9) does: the files given and the files they
/// <c>(use "file.witx")</c> (relative to the using file, each file once) form one scope in which names must be
/// defined before they are used. Unlike the crate it does not stop at the first error: every problem is a diagnostic
/// with the span it is about, the failed item stays in the model with an error type, and resolution goes on. Files
/// are read only through the given <see cref="IFileSystem"/>; nothing here throws on bad input.
/// </summary>
public static class WitxResolver
{
    /// <summary>Loads <paramref name="path"/> and the files it uses, and resolves them.</summary>
    public static WitxModel Resolve(IFileSystem fileSystem, string path) => Resolve(fileSystem, new[] { path });

    /// <summary>
    /// Loads several files into one document, in order (the witx crate's <c>load</c> of many paths): a file reached
    /// twice, directly or through <c>use</c>, is read once.
    /// </summary>
    public static WitxModel Resolve(IFileSystem fileSystem, IEnumerable<string> paths)
    {
        var binder = new WitxBinder(fileSystem);
        foreach (string path in paths) binder.LoadFile(path);
        return binder.Model;
    }

    /// <summary>
    /// Resolves an already parsed document, such as an open editor buffer. Its <c>use</c>s are read through
    /// <paramref name="fileSystem"/> relative to the tree's path; without a file system or a path they are reported
    /// as unreadable.
    /// </summary>
    public static WitxModel Resolve(SyntaxTree tree, IFileSystem? fileSystem = null)
    {
        var binder = new WitxBinder(fileSystem);
        binder.LoadTree(tree);
        return binder.Model;
    }

    /// <summary>Resolves WITX text held in memory; the path (for messages and <c>use</c>s) is optional.</summary>
    public static WitxModel Resolve(string text, string? path = null, IFileSystem? fileSystem = null) =>
        Resolve(SyntaxTree.ParseWitx(SourceText.From(text, path)), fileSystem);

    /// <summary>
    /// Resolves some forms of a tree as one document: the body of a <c>.witxt</c> test's <c>(witx ...)</c>. Syntax
    /// diagnostics of the tree are included only where they fall inside the forms.
    /// </summary>
    internal static WitxModel ResolveForms(SyntaxTree tree, IReadOnlyList<SyntaxNode> forms, IFileSystem? fileSystem)
    {
        var binder = new WitxBinder(fileSystem);
        binder.LoadForms(tree, forms);
        return binder.Model;
    }
}
