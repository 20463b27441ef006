using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Wit.Core.Abi;
using Wit.Core.Syntax;
using Wit.Core.Tests.TestKit;
using Wit.Core.Text;
using Wit.Core.Witx;
using Wit.Core.Witx.Semantics;
using Wit.Core.Workspace;

namespace Wit.Core.Tests.Witx.Semantics;

/// <summary>
/// Runs the witx crate's <c>.witxt</c> test directives against our WITX semantics, as the crate's own runner does:
/// <c>(witx $name? ...)</c> must resolve without a diagnostic (and is remembered by name); <c>assert_invalid</c> must
/// be rejected with a diagnostic whose message contains the expected text; <c>assert_representable</c> compares two
/// remembered typenames; <c>assert_abi</c> checks the core signature and both instruction programs of the first
/// function of the first module.
/// </summary>
internal sealed class WitxtRunner
{
    private readonly Dictionary<string, WitxModel> _documents = new(StringComparer.Ordinal);
    private readonly string _path;
    private readonly SyntaxTree _tree;
    private bool _missingFiles;

    private WitxtRunner(string path)
    {
        _path = path;
        _tree = SyntaxTree.ParseWitx(SourceText.From(Corpus.ReadText(path), path));
    }

    public static IReadOnlyList<WitxtOutcome> Run(string path) => new WitxtRunner(path).RunAll();

    private IReadOnlyList<WitxtOutcome> RunAll()
    {
        var outcomes = new List<WitxtOutcome>();
        foreach (var directive in _tree.Root.ChildNodes())
        {
            var items = WitxSyntaxNavigation.Items(directive).ToList();
            string kind = items.Count > 0 && items[0].IsToken ? items[0].AsToken().Text : "?";
            int line = _tree.Text.GetDisplayLocation(directive.Span.Start).Line;
            _missingFiles = false;
            var (held, detail) = kind switch
            {
                "witx" => Witx(directive),
                "assert_invalid" => AssertInvalid(items),
                "assert_representable" => AssertRepresentable(items),
                "assert_abi" => AssertAbi(items),
                _ => (false, "unknown directive"),
            };
            outcomes.Add(new WitxtOutcome(Corpus.Relative(_path), line, kind, held, detail, !held && _missingFiles));
        }

        return outcomes;
    }

    private (bool, string) Witx(SyntaxNode directive)
    {
        var model = Document(directive, out string? id);
        if (id is not null) _documents[id] = model;
        return model.Diagnostics.Count == 0 ? (true, $"{model.Typenames.Count} typenames, {model.Modules.Count} modules") : (false, Describe(model));
    }

    private (bool, string) AssertInvalid(List<SyntaxElement> items)
    {
        var model = Document(items[1].AsNode()!, out _);
        string expected = WitxLexer.Unescape(items[2].AsToken().Text);
        if (model.Diagnostics.Count == 0) return (false, $"valid, but expected `{expected}`");
        return model.Diagnostics.Any(d => d.Message.Contains(expected, StringComparison.Ordinal))
            ? (true, expected)
            : (false, $"expected `{expected}`, got {Describe(model)}");
    }

    private (bool, string) AssertRepresentable(List<SyntaxElement> items)
    {
        string expected = items[1].AsToken().Text;
        var first = Typename(items[2], items[3]);
        var second = Typename(items[4], items[5]);
        if (first is null || second is null) return (false, "typename not found");
        var actual = WitxRepresentation.Compare(first.Type, second.Type) switch
        {
            WitxRepEquality.Eq => "eq",
            WitxRepEquality.Superset => "superset",
            _ => "noteq",
        };
        return (actual == expected, $"{items[2]} {items[3]} {expected} {items[4]} {items[5]}: {actual}");
    }

    private WitxTypename? Typename(SyntaxElement document, SyntaxElement name) =>
        _documents.TryGetValue(document.AsToken().Text.Substring(1), out var model) ? model.FindTypename(WitxLexer.Unescape(name.AsToken().Text)) : null;

    private (bool, string) AssertAbi(List<SyntaxElement> items)
    {
        var model = Document(items[1].AsNode()!, out _);
        if (model.Diagnostics.Count > 0) return (false, Describe(model));
        var function = model.Modules.FirstOrDefault()?.Functions.FirstOrDefault();
        if (function is null) return (false, "no function");
        var signature = WitxAbi.Signature(function);
        if (signature is null) return (false, "no signature");
        var wasm = items[2].AsNode()!;
        string expectedSignature = CoreTypes(wasm, SyntaxKind.WitxParam) + " -> " + CoreTypes(wasm, SyntaxKind.WitxResult);
        string actualSignature = string.Join(" ", signature.Parameters.Select(CoreValueTypes.Name)) + " -> " + string.Join(" ", signature.Results.Select(CoreValueTypes.Name));
        if (expectedSignature != actualSignature) return (false, $"signature: expected {expectedSignature}, got {actualSignature}");
        string callWasm = Instructions(items[3].AsNode()!);
        string callInterface = Instructions(items[4].AsNode()!);
        string actualWasm = string.Join(" ", WitxAbi.CallWasmProgram(function));
        string actualInterface = string.Join(" ", WitxAbi.CallInterfaceProgram(function));
        if (callWasm != actualWasm) return (false, $"call_wasm: expected {callWasm}, got {actualWasm}");
        if (callInterface != actualInterface) return (false, $"call_interface: expected {callInterface}, got {actualInterface}");
        return (true, $"{function.Name}: {actualSignature}");
    }

    private static string CoreTypes(SyntaxNode wasm, SyntaxKind kind) =>
        string.Join(" ", WitxSyntaxNavigation.ChildForms(wasm, kind).SelectMany(form => WitxSyntaxNavigation.Items(form)).Select(item => item.AsToken().Text));

    private static string Instructions(SyntaxNode form) => string.Join(" ", WitxSyntaxNavigation.Items(form).Skip(1).Select(item => item.AsToken().Text));

    /// <summary>The document of a <c>(witx $name? form*)</c>: its inline forms, or the files of its <c>(load ...)</c>.</summary>
    private WitxModel Document(SyntaxNode witx, out string? id)
    {
        var items = WitxSyntaxNavigation.Items(witx).Skip(1).ToList();
        id = items.Count > 0 && items[0].Kind == SyntaxKind.WitxIdentifierToken ? items[0].AsToken().Text.Substring(1) : null;
        var forms = items.Where(item => item.IsNode).Select(item => item.AsNode()!).ToList();
        var load = forms.FirstOrDefault(f => f.Kind == SyntaxKind.WitxList && WitxSyntaxNavigation.ItemAt(f, 0)?.ToString() == "load");
        if (load is null) return WitxResolver.ResolveForms(_tree, forms, PhysicalFileSystem.Instance);
        string directory = Path.GetDirectoryName(_path)!;
        var paths = WitxSyntaxNavigation.Items(load).Skip(1).Select(item => Path.GetFullPath(Path.Combine(directory, WitxLexer.Unescape(item.AsToken().Text)))).ToList();
        _missingFiles = paths.Any(path => !File.Exists(path));
        return WitxResolver.Resolve(PhysicalFileSystem.Instance, paths);
    }

    private static string Describe(WitxModel model) => string.Join("; ", model.Diagnostics.Select(d => $"{d.Code} {d.Message}"));
}
