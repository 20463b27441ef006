using System;
using System.Collections.Generic;
using System.Linq;
using Wit.Core.Syntax;
using Wit.Ide.Analysis;

namespace Wit.Ide.SignatureHelp;

/// <summary>
/// Signature help (<c>textDocument/signatureHelp</c>). WIT has no calls, so it helps where WIT has argument lists:
/// the type constructors (<c>list&lt;T&gt;</c>, <c>list&lt;T, N&gt;</c>, <c>option&lt;T&gt;</c>, <c>result&lt;T, E&gt;</c>,
/// <c>tuple&lt;...&gt;</c>, <c>borrow&lt;R&gt;</c>, <c>own&lt;R&gt;</c>, <c>future&lt;T&gt;</c>, <c>stream&lt;T&gt;</c>,
/// <c>map&lt;K, V&gt;</c>) and the gate attributes (<c>@since</c>, <c>@unstable</c>, <c>@deprecated</c>). The open
/// bracket is found by scanning tokens back from the cursor, counting nesting, so half-written code works.
/// </summary>
public static class SignatureHelpProvider
{
    /// <summary>Signature help at <paramref name="offset"/> of <paramref name="path"/>, or null outside an argument list.</summary>
    public static SignatureHelpResult? Help(IdeSnapshot snapshot, string path, int offset)
    {
        if (snapshot.GetDocument(path) is not { Language: SyntaxLanguage.Wit } document) return null;
        var before = new List<SyntaxToken>();
        foreach (var token in document.Tree.Root.DescendantTokens())
        {
            if (token.Span.Start >= offset) break;
            if (!token.IsMissing && token.Span.Length > 0) before.Add(token);
        }

        int depth = 0;
        int commas = 0;
        for (int i = before.Count - 1; i >= 0; i--)
        {
            var token = before[i];
            switch (token.Kind)
            {
                case SyntaxKind.GreaterThanToken:
                case SyntaxKind.CloseParenToken:
                    depth++;
                    break;
                case SyntaxKind.LessThanToken when depth == 0:
                    return i > 0 ? Constructor(before[i - 1].Kind, commas) : null;
                case SyntaxKind.OpenParenToken when depth == 0:
                    return i > 1 && before[i - 2].Kind == SyntaxKind.AtToken && before[i - 1].Kind == SyntaxKind.IdentifierToken
                        ? Attribute(before[i - 1].Text, commas)
                        : null;
                case SyntaxKind.LessThanToken:
                case SyntaxKind.OpenParenToken:
                    depth--;
                    break;
                case SyntaxKind.CommaToken when depth == 0:
                    commas++;
                    break;
                case SyntaxKind.SemicolonToken or SyntaxKind.OpenBraceToken or SyntaxKind.CloseBraceToken:
                    return null;
            }
        }

        return null;
    }

    private static SignatureHelpResult? Constructor(SyntaxKind keyword, int commas)
    {
        switch (keyword)
        {
            case SyntaxKind.ListKeyword:
                var dynamic = Signature("list<T>", "A list of any length: a pointer and a length in memory.", ("T", "the element type"));
                var fixedLength = Signature("list<T, N>", "A fixed-length list of `N` elements, laid out inline.", ("T", "the element type"), ("N", "the number of elements (more than zero)"));
                return new SignatureHelpResult(new[] { dynamic, fixedLength }, commas > 0 ? 1 : 0, Math.Min(commas, 1));
            case SyntaxKind.OptionKeyword:
                return One(Signature("option<T>", "`none` or `some(T)`.", ("T", "the payload of `some`")), commas);
            case SyntaxKind.ResultKeyword:
                return One(Signature("result<T, E>", "`ok(T)` or `error(E)`; `_` for no `ok` payload, `result<T>` for no error payload.",
                    ("T", "the `ok` payload (`_` for none)"), ("E", "the `error` payload")), commas);
            case SyntaxKind.TupleKeyword:
                // A tuple takes any number of types: the signature grows with what is written.
                var names = Enumerable.Range(0, Math.Max(commas + 1, 2)).Select(i => "T" + i).ToList();
                var tuple = new SignatureInfo("tuple<" + string.Join(", ", names) + ", ...>", "An ordered, unnamed sequence of values.",
                    names.Select((n, i) => new SignatureParameterInfo(n, $"element {i}")).ToList());
                return new SignatureHelpResult(new[] { tuple }, 0, commas);
            case SyntaxKind.BorrowKeyword:
                return One(Signature("borrow<R>", "A borrowed handle: valid for the duration of the call.", ("R", "the resource")), commas);
            case SyntaxKind.OwnKeyword:
                return One(Signature("own<R>", "An owned handle (the same as writing the resource's name).", ("R", "the resource")), commas);
            case SyntaxKind.FutureKeyword:
                return One(Signature("future<T>", "A single value produced asynchronously.", ("T", "the value's type (optional)")), commas);
            case SyntaxKind.StreamKeyword:
                return One(Signature("stream<T>", "A sequence of values produced asynchronously.", ("T", "the element type (optional)")), commas);
            case SyntaxKind.MapKeyword:
                return One(Signature("map<K, V>", "A map from keys to values, passed as a list of key-value tuples.", ("K", "the key type"), ("V", "the value type")), commas);
            default:
                return null;
        }
    }

    private static SignatureHelpResult? Attribute(string name, int commas) => name switch
    {
        "since" => One(Signature("@since(version = <semver>)", "The package version the item appeared in.", ("version = <semver>", "a version no later than the package's")), commas),
        "unstable" => One(Signature("@unstable(feature = <name>)", "An item behind a feature gate, dropped unless the feature is enabled.", ("feature = <name>", "the feature's name")), commas),
        "deprecated" => One(Signature("@deprecated(version = <semver>)", "The package version the item was deprecated in (after `@since`).", ("version = <semver>", "the version it was deprecated in")), commas),
        _ => null,
    };

    private static SignatureHelpResult One(SignatureInfo signature, int commas) =>
        new(new[] { signature }, 0, Math.Min(commas, Math.Max(0, signature.Parameters.Count - 1)));

    private static SignatureInfo Signature(string label, string documentation, params (string Label, string Documentation)[] parameters) =>
        new(label, documentation, parameters.Select(p => new SignatureParameterInfo(p.Label, p.Documentation)).ToList());
}
