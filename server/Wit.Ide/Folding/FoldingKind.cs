namespace Wit.Ide.Folding;

/// <summary>What a folding range folds (LSP's folding range kinds).</summary>
public enum FoldingKind
{
    /// <summary>A braced body or a parenthesised WITX form.</summary>
    Region,

    /// <summary>A multi-line block comment or a run of line comments.</summary>
    Comment,

    /// <summary>A run of consecutive <c>use</c> items.</summary>
    Imports,
}
