using Wit.Core.Wit.Nodes;

namespace Wit.Core.Semantics;

/// <summary>Doc comment text as wit-parser joins it: each line without its marker, joined with newlines.</summary>
internal static class Docs
{
    public static string? Of(WitNode node)
    {
        var lines = node.DocComments;
        if (lines.Count == 0) return null;
        return string.Join("\n", lines);
    }
}
