using System.Collections.Generic;
using Wit.Core.Diagnostics;

namespace Wit.Core.Witx.Semantics;

/// <summary>
/// WITX derived from a WIT interface or world: the text, the text resolved by the WITX validator, each WIT function's
/// derivation with both signatures, and the diagnostics about what WITX cannot express.
/// </summary>
public sealed class WitxDerivation
{
    internal WitxDerivation(string text, WitxModel model, IReadOnlyList<WitxDerivedFunction> functions, IReadOnlyList<Diagnostic> diagnostics)
    {
        Text = text;
        Model = model;
        Functions = functions;
        Diagnostics = diagnostics;
    }

    /// <summary>The derived WITX document.</summary>
    public string Text { get; }

    /// <summary>The derived text as the WITX resolver sees it; its diagnostics are empty for any WIT that resolved.</summary>
    public WitxModel Model { get; }

    /// <summary>Every WIT function derived, in order, with both signatures.</summary>
    public IReadOnlyList<WitxDerivedFunction> Functions { get; }

    /// <summary>What WITX cannot express (warnings, at the WIT source), and functions that could not be derived.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }
}
