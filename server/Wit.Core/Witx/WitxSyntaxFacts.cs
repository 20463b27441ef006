using System.Collections.Generic;
using Wit.Core.Syntax;

namespace Wit.Core.Witx;

/// <summary>
/// Facts about WITX forms: which node kind a form's head words give it, how many head tokens a kind has, and how a
/// message names a token. The parser and the typed wrappers share them so a form is classified in one place.
/// </summary>
public static class WitxSyntaxFacts
{
    private static readonly Dictionary<string, SyntaxKind> PlainHeads = new()
    {
        ["use"] = SyntaxKind.WitxUse,
        ["typename"] = SyntaxKind.WitxTypename,
        ["module"] = SyntaxKind.WitxModule,
        ["import"] = SyntaxKind.WitxImport,
        ["memory"] = SyntaxKind.WitxMemory,
        ["param"] = SyntaxKind.WitxParam,
        ["result"] = SyntaxKind.WitxResult,
        ["record"] = SyntaxKind.WitxRecord,
        ["field"] = SyntaxKind.WitxField,
        ["variant"] = SyntaxKind.WitxVariant,
        ["case"] = SyntaxKind.WitxCase,
        ["enum"] = SyntaxKind.WitxEnum,
        ["flags"] = SyntaxKind.WitxFlags,
        ["handle"] = SyntaxKind.WitxHandle,
        ["union"] = SyntaxKind.WitxUnion,
        ["tuple"] = SyntaxKind.WitxTuple,
        ["list"] = SyntaxKind.WitxListType,
        ["string"] = SyntaxKind.WitxStringType,
        ["expected"] = SyntaxKind.WitxExpected,
        ["error"] = SyntaxKind.WitxError,
        ["resource"] = SyntaxKind.WitxResource,
        ["export"] = SyntaxKind.WitxExport,
    };

    private static readonly Dictionary<string, SyntaxKind> WitxAnnotationHeads = new()
    {
        ["pointer"] = SyntaxKind.WitxPointer,
        ["const_pointer"] = SyntaxKind.WitxConstPointer,
        ["tag"] = SyntaxKind.WitxTag,
        ["repr"] = SyntaxKind.WitxRepr,
        ["bitflags"] = SyntaxKind.WitxRepr,
        ["noreturn"] = SyntaxKind.WitxNoreturn,
        ["const"] = SyntaxKind.WitxConst,
        ["usize"] = SyntaxKind.WitxBuiltin,
        ["char8"] = SyntaxKind.WitxBuiltin,
    };

    /// <summary>
    /// The kind of a form from its first two elements after <c>(</c>: <paramref name="first"/> and
    /// <paramref name="second"/> are the head tokens (null when the element is missing or is not a token). Forms with
    /// an unknown head are plain <see cref="SyntaxKind.WitxList"/>s, so any s-expression parses.
    /// </summary>
    public static SyntaxKind GetFormKind(GreenToken? first, GreenToken? second)
    {
        if (first is null) return SyntaxKind.WitxList;
        if (first.Kind == SyntaxKind.WitxKeywordToken)
        {
            return PlainHeads.TryGetValue(first.Text, out var plain) ? plain : SyntaxKind.WitxList;
        }

        if (first.Kind != SyntaxKind.WitxAnnotationToken) return SyntaxKind.WitxList;
        bool secondIsKeyword = second is { Kind: SyntaxKind.WitxKeywordToken };
        if (first.Text == "@interface")
        {
            return secondIsKeyword && second!.Text == "func" ? SyntaxKind.WitxInterfaceFunc : SyntaxKind.WitxList;
        }

        if (first.Text != "@witx") return SyntaxKind.WitxList;
        return secondIsKeyword && WitxAnnotationHeads.TryGetValue(second!.Text, out var annotated) ? annotated : SyntaxKind.WitxWitxAnnotation;
    }

    /// <summary>How many tokens after <c>(</c> name the form: two for <c>(@witx pointer ...)</c>, none for a plain list.</summary>
    public static int HeadLength(SyntaxKind formKind) => formKind switch
    {
        SyntaxKind.WitxList => 0,
        SyntaxKind.WitxInterfaceFunc or SyntaxKind.WitxPointer or SyntaxKind.WitxConstPointer or SyntaxKind.WitxTag
            or SyntaxKind.WitxRepr or SyntaxKind.WitxNoreturn or SyntaxKind.WitxConst or SyntaxKind.WitxBuiltin => 2,
        _ => 1,
    };

    /// <summary>How a message names what was found where something else was expected, in wit-parser's wording style.</summary>
    internal static string DescribeFound(GreenElement element)
    {
        if (element is not GreenToken token) return "'('";
        if (token.IsMissing) return "eof";
        return token.Kind switch
        {
            SyntaxKind.WitxIdentifierToken => $"identifier `{token.Text}`",
            SyntaxKind.WitxKeywordToken => $"keyword `{token.Text}`",
            SyntaxKind.WitxAnnotationToken => $"annotation `{token.Text}`",
            SyntaxKind.WitxStringToken => "a string",
            SyntaxKind.WitxIntegerToken => "an integer",
            SyntaxKind.EndOfFileToken => "eof",
            SyntaxKind.BadToken => $"an unexpected character '{token.Text}'",
            _ => $"'{token.Text}'",
        };
    }
}
