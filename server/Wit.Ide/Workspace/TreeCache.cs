using System;
using System.Collections.Concurrent;
using Wit.Core.Syntax;
using Wit.Core.Text;

namespace Wit.Ide.Workspace;

/// <summary>
/// Parsed trees of files that are not open, keyed by path and checked against the text, so an unchanged dependency is
/// parsed once however often the roots that load it are re-resolved.
/// </summary>
internal sealed class TreeCache
{
    private readonly ConcurrentDictionary<string, SyntaxTree> _trees = new(StringComparer.Ordinal);

    public SyntaxTree Get(string path, string text)
    {
        var tree = Find(path, text);
        _trees[path] = tree;
        return tree;
    }

    /// <summary>
    /// The cached tree of <paramref name="path"/> when its text is <paramref name="text"/>, else a new parse that is
    /// not cached: an opened buffer keeps its own tree, and a cached copy would outlive its first edit.
    /// </summary>
    public SyntaxTree Find(string path, string text) =>
        _trees.TryGetValue(path, out var tree) && (ReferenceEquals(tree.Text.Text, text) || string.Equals(tree.Text.Text, text, StringComparison.Ordinal))
            ? tree
            : SyntaxTree.Parse(SourceText.From(text, path));

    public void Set(string path, SyntaxTree tree) => _trees[path] = tree;

    public void Remove(string path) => _trees.TryRemove(path, out _);
}
