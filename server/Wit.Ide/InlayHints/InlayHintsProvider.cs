using System.Collections.Generic;
using System.Threading;
using Wit.Core.Abi;
using Wit.Core.Semantics;
using Wit.Core.Text;
using Wit.Ide.Abi;
using Wit.Ide.Analysis;

namespace Wit.Ide.InlayHints;

/// <summary>
/// Inlay hints (<c>textDocument/inlayHint</c>): after each named type's name, its Canonical ABI size and alignment
/// (<c>: 12 B, align 4</c>); after each function's parameter list, how many flat core parameters a call passes
/// (<c>flat 3 params</c>, or <c>spilled: 20 flat &gt; 16</c> when they go through memory).
/// </summary>
public static class InlayHintsProvider
{
    /// <summary>The hints of <paramref name="path"/> whose offsets fall inside <paramref name="range"/>, in offset order.</summary>
    public static IReadOnlyList<InlayHintResult> Hints(IdeSnapshot snapshot, string path, TextSpan range, CancellationToken cancellationToken = default)
    {
        var hints = new List<InlayHintResult>();
        if (snapshot.AnalysisOf(path) is not { } analysis || snapshot.GetDocument(path) is not { } document) return hints;
        var abi = new CanonicalAbi(snapshot.Options.Memory64);
        foreach (var declaration in analysis.Symbols.DeclarationsIn(path))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var span = declaration.Declaration!.Span;
            switch (declaration.Symbol)
            {
                case TypeDefinition { Name: not null, Kind: not (TypeDefinitionKind.Resource or TypeDefinitionKind.Error) } type:
                    if (!Inside(range, span.End) || abi.Layout(type) is not { } layout) break;
                    hints.Add(new InlayHintResult(span.End, $": {layout.Size} B, align {layout.Alignment}", InlayHintKind.Type, PaddingLeft: false, PaddingRight: true,
                        $"Canonical ABI ({(abi.Memory64 ? "memory64" : "memory32")}): size {layout.Size}, alignment {layout.Alignment}, flat `{AbiDescriber.FlatText(abi.Flatten(WitType.Of(type)))}`"));
                    break;
                case Function function:
                    if (ItemLocator.ParameterListEnd(document.Tree, span.Start) is not { } end || !Inside(range, end)) break;
                    if (AbiFacts.For(function, abi, export: false) is not { } lower || AbiFacts.For(function, abi, export: true) is not { } lift) break;
                    var signature = lower.Signature;
                    string label = signature.ParametersSpilled
                        ? $"spilled: {signature.FlatParameterCount} flat > {CanonicalAbi.MaxFlatParams}"
                        : $"flat {signature.FlatParameterCount} {(signature.FlatParameterCount == 1 ? "param" : "params")}";
                    hints.Add(new InlayHintResult(end, label, InlayHintKind.Parameter, PaddingLeft: true, PaddingRight: true,
                        $"lower (import): `{AbiDescriber.CoreText(lower.Signature)}` ({AbiDescriber.Costs(lower)})\n\nlift (export): `{AbiDescriber.CoreText(lift.Signature)}` ({AbiDescriber.Costs(lift)})"));
                    break;
            }
        }

        hints.Sort((a, b) => a.Offset.CompareTo(b.Offset));
        return hints;
    }

    private static bool Inside(TextSpan range, int offset) => range.Start <= offset && offset <= range.End;
}
