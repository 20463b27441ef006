using Wit.Core.Syntax;

namespace Wit.Core.Wit.Nodes;

/// <summary>A semantic version, with or without its leading <c>@</c>.</summary>
public sealed class VersionSyntax : WitNode
{
    internal VersionSyntax(SyntaxNode syntax)
        : base(syntax)
    {
    }

    /// <summary>The version text without the <c>@</c>, e.g. <c>0.2.0-rc-2023-11-10</c>.</summary>
    public string Text
    {
        get
        {
            // A version is a few tokens after the `@` (`0`, `.`, `3`, ...): their texts are joined through one exact-size
            // array, and a single token's text is returned as it is.
            int length = 0;
            int count = 0;
            string single = string.Empty;
            foreach (var token in Syntax.ChildTokens())
            {
                if (token.Kind == SyntaxKind.AtToken) continue;
                length += token.Text.Length;
                count++;
                single = token.Text;
            }

            if (count <= 1) return single;
            var chars = new char[length];
            int at = 0;
            foreach (var token in Syntax.ChildTokens())
            {
                if (token.Kind == SyntaxKind.AtToken) continue;
                token.Text.CopyTo(0, chars, at, token.Text.Length);
                at += token.Text.Length;
            }

            return new string(chars);
        }
    }
}
