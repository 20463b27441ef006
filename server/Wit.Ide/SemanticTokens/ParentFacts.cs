using Wit.Core.Syntax;

namespace Wit.Ide.SemanticTokens;

/// <summary>
/// What the classification of a name asks about its parent node (is it deprecated, where its first <c>/</c>, <c>=</c>,
/// <c>as</c> and identifiers are), read in one pass over the parent's children. The token walk visits a node's
/// children one after another and keeps the facts of the current parent, so a node with many children (a broken file
/// flattened into one form) costs linear time instead of a scan of its children per name.
/// </summary>
internal sealed class ParentFacts
{
    private ParentFacts(SyntaxNode node)
    {
        Node = node;
        var green = node.Green;
        for (int i = 0; i < green.SlotCount; i++)
        {
            switch (green.GetSlot(i))
            {
                case GreenNode { Kind: SyntaxKind.Attribute } attribute:
                    for (int j = 0; j < attribute.SlotCount && !Deprecated; j++)
                    {
                        if (attribute.GetSlot(j) is GreenToken { Kind: SyntaxKind.IdentifierToken, Text: "deprecated" }) Deprecated = true;
                    }

                    break;
                case GreenNode { Kind: SyntaxKind.FunctionType }:
                    HasFunctionType = true;
                    break;
                case GreenToken token:
                    Note(token, i);
                    break;
            }
        }
    }

    public SyntaxNode Node { get; }

    public bool Deprecated { get; }

    public bool HasFunctionType { get; }

    public bool HasColon { get; private set; }

    public bool HasAs { get; private set; }

    public int FirstSlash { get; private set; } = -1;

    public int FirstEquals { get; private set; } = -1;

    public int FirstAs { get; private set; } = -1;

    /// <summary>The index of the first identifier that is not missing (WIT), or -1.</summary>
    public int FirstIdentifier { get; private set; } = -1;

    /// <summary>The index of the first <c>$name</c> (WITX), or -1.</summary>
    public int FirstWitxIdentifier { get; private set; } = -1;

    /// <summary>The facts of <paramref name="node"/>: <paramref name="last"/> when it is about the same node, else new ones.</summary>
    public static ParentFacts Of(SyntaxNode node, ParentFacts? last) =>
        last is not null && ReferenceEquals(last.Node.Green, node.Green) && last.Node.Position == node.Position ? last : new ParentFacts(node);

    /// <summary>Whether a token of the kind whose first index is <paramref name="first"/> comes before child <paramref name="index"/>.</summary>
    public static bool Before(int first, int index) => first >= 0 && first < index;

    private void Note(GreenToken token, int index)
    {
        switch (token.Kind)
        {
            case SyntaxKind.ColonToken when !token.IsMissing:
                HasColon = true;
                break;
            case SyntaxKind.AsKeyword:
                if (!token.IsMissing) HasAs = true;
                if (FirstAs < 0) FirstAs = index;
                break;
            case SyntaxKind.SlashToken when FirstSlash < 0:
                FirstSlash = index;
                break;
            case SyntaxKind.EqualsToken when FirstEquals < 0:
                FirstEquals = index;
                break;
            case SyntaxKind.IdentifierToken when !token.IsMissing && FirstIdentifier < 0:
                FirstIdentifier = index;
                break;
            case SyntaxKind.WitxIdentifierToken when FirstWitxIdentifier < 0:
                FirstWitxIdentifier = index;
                break;
        }
    }
}
