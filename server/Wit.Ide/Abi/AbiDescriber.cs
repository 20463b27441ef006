using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Wit.Core.Abi;
using Wit.Core.Semantics;

namespace Wit.Ide.Abi;

/// <summary>
/// Reads Canonical ABI facts (Core's <see cref="CanonicalAbi"/> and <see cref="AbiFacts"/>) of a type or function into
/// layout rows and Markdown tables. Hover, the layout preview, inlay hints and code lenses all describe the ABI
/// through this one class, so they never disagree. Types whose layout is unknown (unresolved, too large) are
/// described with the engine's reason instead of numbers.
/// </summary>
internal static class AbiDescriber
{
    /// <summary>The definition's kind as WIT spells it (<c>type</c> for an alias, <c>own</c>/<c>borrow</c> for handles).</summary>
    public static string KindName(TypeDefinition definition) => definition.Kind switch
    {
        TypeDefinitionKind.Alias => "type",
        TypeDefinitionKind.Handle => definition.HandleKind == HandleKind.Borrow ? "borrow" : "own",
        TypeDefinitionKind.FixedSizeList => "list",
        TypeDefinitionKind.Error => "type",
        _ => definition.Kind.ToString().ToLowerInvariant(),
    };

    /// <summary>Describes a type: size and alignment (memory32, and memory64 when asked), fields, cases, flat types.</summary>
    public static void Type(string item, WitType type, CanonicalAbi abi32, CanonicalAbi? abi64, List<AbiLayoutRow> rows, StringBuilder markdown)
    {
        var layout = abi32.Layout(type);
        if (layout is null)
        {
            string reason = type.Definition is { } broken ? abi32.Problem(broken) ?? "the type did not resolve" : "the type has no layout";
            rows.Add(new AbiLayoutRow(item, "type", item, WitTypeText.Format(type), null, null, null, "no layout: " + reason));
            markdown.Append("*No Canonical ABI layout: ").Append(Escape(reason)).Append(".*\n");
            return;
        }

        var layout64 = abi64?.Layout(type);
        var flat = abi32.Flatten(type);
        string flatText = FlatText(flat);
        rows.Add(new AbiLayoutRow(item, "type", item, WitTypeText.Format(type), null, layout.Size, layout.Alignment, "flat: " + flatText));
        if (layout64 is not null) rows.Add(new AbiLayoutRow(item, "type-memory64", item, WitTypeText.Format(type), null, layout64.Size, layout64.Alignment, null));

        markdown.Append("| memory | size | alignment |\n|---|---|---|\n");
        markdown.Append("| memory32 | ").Append(layout.Size).Append(" | ").Append(layout.Alignment).Append(" |\n");
        if (layout64 is not null) markdown.Append("| memory64 | ").Append(layout64.Size).Append(" | ").Append(layout64.Alignment).Append(" |\n");
        markdown.Append("\nflat: `").Append(flatText).Append("`\n");

        var underlying = Underlying(type);
        if (underlying is null) return;
        switch (underlying.Kind)
        {
            case TypeDefinitionKind.Record:
            case TypeDefinitionKind.Tuple:
                var fields = underlying.Kind == TypeDefinitionKind.Record
                    ? underlying.Members.Select(m => (m.Name, m.Type)).ToList()
                    : underlying.Elements.Select((e, i) => (i.ToString(CultureInfo.InvariantCulture), (WitType?)e)).ToList();
                if (fields.Count == 0) break;
                markdown.Append("\n| field | type | offset | size |\n|---|---|---|---|\n");
                for (int i = 0; i < fields.Count && i < layout.FieldOffsets.Count; i++)
                {
                    var fieldLayout = fields[i].Item2 is { } fieldType ? abi32.Layout(fieldType) : null;
                    string typeText = WitTypeText.Format(fields[i].Item2);
                    rows.Add(new AbiLayoutRow(item, "field", fields[i].Item1, typeText, layout.FieldOffsets[i], fieldLayout?.Size, fieldLayout?.Alignment, null));
                    markdown.Append("| ").Append(Escape(fields[i].Item1)).Append(" | `").Append(Escape(typeText)).Append("` | ")
                        .Append(layout.FieldOffsets[i]).Append(" | ").Append(fieldLayout?.Size.ToString(CultureInfo.InvariantCulture) ?? "?").Append(" |\n");
                }

                break;
            case TypeDefinitionKind.Variant:
            case TypeDefinitionKind.Enum:
            case TypeDefinitionKind.Option:
            case TypeDefinitionKind.Result:
                string discriminant = $"discriminant {layout.DiscriminantSize} {(layout.DiscriminantSize == 1 ? "byte" : "bytes")}, payload at offset {layout.PayloadOffset}";
                rows.Add(new AbiLayoutRow(item, "discriminant", "discriminant", null, layout.PayloadOffset, layout.DiscriminantSize, null, discriminant));
                markdown.Append('\n').Append(discriminant).Append('\n');
                if (underlying.Kind == TypeDefinitionKind.Enum) break;
                markdown.Append("\n| case | payload | size |\n|---|---|---|\n");
                foreach (var (name, payload) in Cases(underlying))
                {
                    long size = payload is { } p && abi32.Layout(p) is { } payloadLayout ? payloadLayout.Size : 0;
                    string? payloadText = payload is null ? null : WitTypeText.Format(payload);
                    rows.Add(new AbiLayoutRow(item, "case", name, payloadText, layout.PayloadOffset, size, null, null));
                    markdown.Append("| ").Append(Escape(name)).Append(" | ").Append(payloadText is null ? "" : "`" + Escape(payloadText) + "`").Append(" | ").Append(size).Append(" |\n");
                }

                break;
        }
    }

    /// <summary>
    /// Describes a function: its core signatures for lower (calling an import) and lift (implementing an export), with
    /// what each call costs (allocations, spills, return pointer, post-return, bytes through memory).
    /// </summary>
    public static void Function(string item, Function function, CanonicalAbi abi, List<AbiLayoutRow> rows, StringBuilder markdown)
    {
        rows.Add(new AbiLayoutRow(item, "function", item, WitTypeText.FormatFunction(function), null, null, null, null));
        var lower = AbiFacts.For(function, abi, export: false);
        var lift = AbiFacts.For(function, abi, export: true);
        if (lower is null || lift is null)
        {
            markdown.Append("*No core signature: a parameter or the result has no Canonical ABI layout.*\n");
            return;
        }

        // An async function can be lowered and lifted either way (the `async` canonical option is the caller's and the
        // callee's choice), so it shows both, each labelled; a sync function has only the sync pair.
        bool isAsync = function.Kind is FunctionKind.AsyncFreestanding or FunctionKind.AsyncMethod or FunctionKind.AsyncStatic;
        string sync = isAsync ? "sync " : string.Empty;
        rows.Add(new AbiLayoutRow(item, "lower", sync + "lower (import)", CoreText(lower.Signature), null, null, null, Costs(lower)));
        rows.Add(new AbiLayoutRow(item, "lift", sync + "lift (export)", CoreText(lift.Signature), null, null, null, Costs(lift)));
        if (isAsync) markdown.Append("**sync** (`canon lower` and `canon lift` without `async`)\n\n");
        markdown.Append("| | ").Append(sync).Append("lower (import) | ").Append(sync).Append("lift (export) |\n|---|---|---|\n");
        Row(markdown, "core signature", "`" + CoreText(lower.Signature) + "`", "`" + CoreText(lift.Signature) + "`");
        Row(markdown, "flat params", FlatParams(lower), FlatParams(lift));
        Row(markdown, "flat results", lower.Signature.FlatResultCount.ToString(CultureInfo.InvariantCulture), lift.Signature.FlatResultCount.ToString(CultureInfo.InvariantCulture));
        Row(markdown, "cabi_realloc", Realloc(lower), Realloc(lift));
        Row(markdown, "return pointer", ReturnPointer(lower), ReturnPointer(lift));
        Row(markdown, "post-return", lower.NeedsPostReturn ? "yes" : "no", lift.NeedsPostReturn ? "yes" : "no");
        Row(markdown, "bytes through memory", BytesThroughMemory(lower), BytesThroughMemory(lift));
        if (isAsync) AsyncSignatures(item, function, abi, rows, markdown);
    }

    /// <summary>
    /// The async core signatures (CanonicalABI.md, <c>flatten_functype</c> with <c>async</c>): lower takes at most
    /// 4 flat parameters (else a pointer), then a pointer for the results, and returns an i32 status; lift takes at
    /// most 16 (else a pointer) and hands its results to <c>task.return</c>, returning an i32 code with a callback or
    /// nothing when stackful.
    /// </summary>
    private static void AsyncSignatures(string item, Function function, CanonicalAbi abi, List<AbiLayoutRow> rows, StringBuilder markdown)
    {
        var lower = abi.Signature(function, AbiVariant.AsyncLower);
        var callback = abi.Signature(function, AbiVariant.AsyncLiftCallback);
        var stackful = abi.Signature(function, AbiVariant.AsyncLiftStackful);
        if (lower is null || callback is null || stackful is null) return;
        rows.Add(new AbiLayoutRow(item, "async-lower", "async lower (import)", CoreText(lower), null, null, null, AsyncParams(lower, CanonicalAbi.MaxFlatAsyncParams) + "; returns an i32 status"));
        rows.Add(new AbiLayoutRow(item, "async-lift-callback", "async lift, callback (export)", CoreText(callback), null, null, null, AsyncParams(callback, CanonicalAbi.MaxFlatParams) + "; results through task.return; returns an i32 callback code"));
        rows.Add(new AbiLayoutRow(item, "async-lift-stackful", "async lift, stackful (export)", CoreText(stackful), null, null, null, AsyncParams(stackful, CanonicalAbi.MaxFlatParams) + "; results through task.return"));
        markdown.Append("\n**async** (`canon lower async`, `canon lift async`)\n\n");
        markdown.Append("| | async lower (import) | async lift, callback (export) | async lift, stackful (export) |\n|---|---|---|---|\n");
        markdown.Append("| core signature | `").Append(CoreText(lower)).Append("` | `").Append(CoreText(callback)).Append("` | `").Append(CoreText(stackful)).Append("` |\n");
        markdown.Append("| flat params | ").Append(AsyncParams(lower, CanonicalAbi.MaxFlatAsyncParams)).Append(" | ").Append(AsyncParams(callback, CanonicalAbi.MaxFlatParams))
            .Append(" | ").Append(AsyncParams(stackful, CanonicalAbi.MaxFlatParams)).Append(" |\n");
        string lowered = lower.ResultsThroughMemory ? "through a pointer parameter" : "none";
        string lifted = lower.ResultsThroughMemory ? "through `task.return`" : "none";
        markdown.Append("| results | ").Append(lowered).Append(" | ").Append(lifted).Append(" | ").Append(lifted).Append(" |\n");
        markdown.Append("| returns | i32 status | i32 callback code | nothing |\n");
    }

    private static string AsyncParams(CoreSignature signature, int limit) => signature.ParametersSpilled
        ? $"spilled: {signature.FlatParameterCount} flat > {limit}"
        : $"{signature.FlatParameterCount} flat";

    /// <summary>A short summary of one direction's costs, for rows and tooltips.</summary>
    public static string Costs(FunctionAbiFacts facts)
    {
        var parts = new List<string> { FlatParams(facts) };
        string realloc = Realloc(facts);
        if (realloc != "no") parts.Add("cabi_realloc: " + realloc);
        if (facts.NeedsReturnPointer) parts.Add("return pointer");
        if (facts.NeedsPostReturn) parts.Add("post-return");
        return string.Join("; ", parts);
    }

    /// <summary>A core function type as WebAssembly text writes it: <c>(func (param i32 i32) (result i32))</c>, empty parts left out.</summary>
    public static string CoreText(CoreSignature signature)
    {
        var builder = new StringBuilder("(func");
        if (signature.Parameters.Count > 0) builder.Append(" (param ").Append(string.Join(" ", signature.Parameters.Select(CoreValueTypes.Name))).Append(')');
        if (signature.Results.Count > 0) builder.Append(" (result ").Append(string.Join(" ", signature.Results.Select(CoreValueTypes.Name))).Append(')');
        return builder.Append(')').ToString();
    }

    /// <summary>The flat core types of a value, or their count when they are passed through memory anyway.</summary>
    public static string FlatText(FlatTypes? flat)
    {
        if (flat is null) return "?";
        if (flat.Values is null || flat.Count > CanonicalAbi.MaxFlatParams) return $"{flat.Count} values (passed through memory)";
        return flat.Values.Count == 0 ? "(none)" : string.Join(" ", flat.Values.Select(CoreValueTypes.Name));
    }

    /// <summary>The definition a type is laid out as, after following aliases; null for primitives.</summary>
    public static TypeDefinition? Underlying(WitType type)
    {
        var current = type.Definition?.Unaliased();
        return current is { Kind: TypeDefinitionKind.Alias } ? null : current;
    }

    /// <summary>Escapes the characters Markdown tables treat specially.</summary>
    public static string Escape(string text) => text.Replace("|", "\\|");

    private static IEnumerable<(string Name, WitType? Payload)> Cases(TypeDefinition definition) => definition.Kind switch
    {
        TypeDefinitionKind.Option => new[] { ("none", (WitType?)null), ("some", definition.Element) },
        TypeDefinitionKind.Result => new[] { ("ok", definition.Ok), ("error", definition.Err) },
        _ => definition.Members.Select(m => (m.Name, m.Type)),
    };

    private static void Row(StringBuilder markdown, string label, string lower, string lift) =>
        markdown.Append("| ").Append(label).Append(" | ").Append(lower).Append(" | ").Append(lift).Append(" |\n");

    private static string FlatParams(FunctionAbiFacts facts) => facts.Signature.ParametersSpilled
        ? $"spilled: {facts.FlatParameterCount} flat > {CanonicalAbi.MaxFlatParams}"
        : $"{facts.FlatParameterCount} flat";

    private static string Realloc(FunctionAbiFacts facts)
    {
        var reasons = new List<string>();
        if (facts.ReallocParameters.Count > 0) reasons.Add("params " + string.Join(", ", facts.ReallocParameters.Select(p => "`" + p + "`")));
        if (facts.ReallocForSpilledParameters) reasons.Add("spilled params");
        if (facts.ReallocForResults) reasons.Add("results");
        return reasons.Count == 0 ? "no" : string.Join(", ", reasons);
    }

    private static string ReturnPointer(FunctionAbiFacts facts) => facts.NeedsReturnPointer ? $"yes ({facts.ResultBytesThroughMemory} bytes)" : "no";

    private static string BytesThroughMemory(FunctionAbiFacts facts) =>
        (facts.ParameterBytesThroughMemory + facts.ResultBytesThroughMemory).ToString(CultureInfo.InvariantCulture);
}
