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
            // Most versions are one token after the `@`: that token's text is the version, without a builder.
            string? single = null;
            System.Text.StringBuilder? builder = null;
            foreach (var token in Syntax.ChildTokens())
            {
                if (token.Kind == SyntaxKind.AtToken) continue;
                if (single is null && builder is null)
                {
                    single = token.Text;
                    continue;
                }

                builder ??= new System.Text.StringBuilder(single);
                builder.Append(token.Text);
            }

            return builder?.ToString() ?? single ?? string.Empty;
        }
    }
}
