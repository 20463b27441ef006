namespace Wit.Ide.InlayHints;

/// <summary>What an inlay hint annotates (LSP's <c>InlayHintKind</c>: Type = 1, Parameter = 2).</summary>
public enum InlayHintKind
{
    /// <summary>A type's size and alignment.</summary>
    Type = 1,

    /// <summary>A function's flattened parameters.</summary>
    Parameter = 2,
}
