using System.Collections.Generic;
using Wit.Core.Syntax;

namespace Wit.Core.Formatting;

/// <summary>Finds the top-level items the formatter must leave as they are, with one walk per item on an explicit stack.</summary>
internal static class BrokenItems
{
    /// <summary>
    /// For each top-level item of a WIT document (the end of file token excluded), whether it is syntactically
    /// broken: it carries a diagnostic, holds skipped or missing tokens, or a diagnostic of the document itself (a
    /// misplaced <c>package</c> declaration) falls inside it. Broken items are written exactly as they are.
    /// </summary>
    public static bool[] Find(GreenNode root)
    {
        int itemCount = root.SlotCount - 1;
        var broken = new bool[itemCount];
        var starts = new int[itemCount + 1];
        for (int i = 0; i < itemCount; i++) starts[i + 1] = starts[i] + root.GetSlot(i).FullWidth;
        foreach (var diagnostic in root.Diagnostics)
        {
            for (int i = 0; i < itemCount; i++)
            {
                if (diagnostic.Offset >= starts[i] && diagnostic.Offset < starts[i + 1]) broken[i] = true;
            }
        }

        for (int i = 0; i < itemCount; i++)
        {
            if (!broken[i]) broken[i] = IsBroken(root.GetSlot(i));
        }

        return broken;
    }

    private static bool IsBroken(GreenElement item)
    {
        if (item.ContainsDiagnostics) return true;
        var stack = new Stack<GreenElement>();
        stack.Push(item);
        while (stack.Count > 0)
        {
            var element = stack.Pop();
            if (element is GreenToken token)
            {
                if (token.IsMissing) return true;
                continue;
            }

            var node = (GreenNode)element;
            if (node.Kind == SyntaxKind.SkippedTokens) return true;
            for (int i = 0; i < node.SlotCount; i++) stack.Push(node.GetSlot(i));
        }

        return false;
    }
}
