using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Wit.Core.Abi;
using Wit.Core.Diagnostics;
using Wit.Core.Semantics;

namespace Wit.Core.Witx.Semantics;

/// <summary>
/// Derives WITX from WIT through the Canonical ABI, so that engines and tools that only know WITX can call (or
/// implement) a component-model interface through its core functions: for a resolved interface or world, a document
/// of typenames and modules whose <c>@interface func</c>s have exactly the core signatures the Canonical ABI gives
/// the WIT functions (<c>canon lower</c> for imports, <c>canon lift</c> for exports). The derivation checks itself:
/// the text is resolved by <see cref="WitxResolver"/>, each function's witx-ABI signature is compared with the
/// Canonical ABI's (a mismatch is an error diagnostic), and each typename's WITX layout with the Canonical ABI's
/// layout (a difference becomes a comment on the typename and a warning).
/// </summary>
public static class WitxDeriver
{
    /// <summary>Derives one interface; its functions are treated as imports.</summary>
    public static WitxDerivation DeriveInterface(Interface @interface) => Derive(writer => writer.WriteInterface(@interface));

    /// <summary>Derives a world: imports as one module per interface (and <c>$root</c>), exports as <c>$exports</c>.</summary>
    public static WitxDerivation DeriveWorld(World world) => Derive(writer => writer.WriteWorld(world));

    private static WitxDerivation Derive(Func<WitxDerivationWriter, string> write)
    {
        var writer = new WitxDerivationWriter(new Dictionary<TypeDefinition, string>());
        string text = write(writer);
        var model = WitxResolver.Resolve(text);
        var notes = LayoutNotes(writer, model);
        if (notes.Count > 0)
        {
            // The notes are comments on the typenames, so the text is written again with them; the types are the same.
            writer = new WitxDerivationWriter(notes);
            text = write(writer);
            model = WitxResolver.Resolve(text);
        }

        var diagnostics = new List<Diagnostic>(writer.Diagnostics);
        foreach (var (definition, _) in writer.Typenames)
        {
            if (notes.TryGetValue(definition, out string? note)) diagnostics.Add(Diagnostic(WitxDiagnostics.LayoutDiffers(definition.Name, note), definition.Location));
        }

        foreach (var function in writer.Functions)
        {
            if (function.Canonical is null) continue;
            if (model.FindModule(function.ModuleName)?.FindFunction(function.ExportName) is { } derived) function.Witx = WitxAbi.Signature(derived);
            if (function.SignaturesMatch) continue;
            diagnostics.Add(Diagnostic(WitxDiagnostics.SignatureDiffers(function.Function.Name, function.Witx?.ToString(), function.Canonical.ToString()),
                function.Function.Location));
        }

        return new WitxDerivation(text, model, writer.Functions, diagnostics);
    }

    /// <summary>For each typename whose WITX layout differs from the Canonical ABI's, a note saying how.</summary>
    private static Dictionary<TypeDefinition, string> LayoutNotes(WitxDerivationWriter writer, WitxModel model)
    {
        var abi = new CanonicalAbi(memory64: false);
        var notes = new Dictionary<TypeDefinition, string>();
        foreach (var (definition, name) in writer.Typenames)
        {
            if (definition.Kind == TypeDefinitionKind.Resource || model.FindTypename(name) is not { } typename || abi.Layout(definition) is not { } canonical) continue;
            var witx = typename.Type.Layout;
            if (witx.Size == canonical.Size && witx.Alignment == canonical.Alignment) continue;
            notes[definition] = string.Format(CultureInfo.InvariantCulture,
                "WITX lays this type out in {0} bytes (align {1}) where the Canonical ABI uses {2} (align {3}); memory holding it follows the Canonical ABI.",
                witx.Size, witx.Alignment, canonical.Size, canonical.Alignment);
        }

        return notes;
    }

    private static Diagnostic Diagnostic(DiagnosticMessage message, SourceLocation? location) => location is null
        ? new Diagnostic(message.Descriptor, message.Text, new Text.TextSpan(0, 0))
        : new Diagnostic(message.Descriptor, message.Text, location.Span, document: location.Document);
}
