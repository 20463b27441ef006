using System.Collections.Generic;
using Wit.Core.Diagnostics;
using Wit.Core.Syntax;

namespace Wit.Core.Wit;

/// <summary>Interfaces, worlds, <c>use</c>, attributes (gates and <c>@external-id</c>) and the members of bodies.</summary>
internal sealed partial class WitParser
{
    private enum BodyKind
    {
        Interface,
        World,
        Resource,
    }

    /// <summary>Keywords that can only begin a top-level item: seeing one inside a body ends the body.</summary>
    private static bool EndsBody(SyntaxKind kind, BodyKind body) => kind is SyntaxKind.PackageKeyword or SyntaxKind.WorldKeyword
        || kind == SyntaxKind.InterfaceKeyword
        || body == BodyKind.Resource && IsInterfaceMemberStart(kind) && kind is not SyntaxKind.IdentifierToken and not SyntaxKind.AtToken;

    private static bool IsTypeDefinitionStart(SyntaxKind kind) => kind is SyntaxKind.TypeKeyword or SyntaxKind.RecordKeyword
        or SyntaxKind.FlagsKeyword or SyntaxKind.VariantKeyword or SyntaxKind.EnumKeyword or SyntaxKind.ResourceKeyword;

    private static bool IsInterfaceMemberStart(SyntaxKind kind) => IsTypeDefinitionStart(kind)
        || kind is SyntaxKind.UseKeyword or SyntaxKind.IdentifierToken or SyntaxKind.AtToken;

    private static bool IsWorldMemberStart(SyntaxKind kind) => IsTypeDefinitionStart(kind)
        || kind is SyntaxKind.UseKeyword or SyntaxKind.ImportKeyword or SyntaxKind.ExportKeyword or SyntaxKind.IncludeKeyword or SyntaxKind.AtToken;

    private static bool IsResourceMemberStart(SyntaxKind kind) =>
        kind is SyntaxKind.IdentifierToken or SyntaxKind.ConstructorKeyword or SyntaxKind.AtToken;

    private static bool IsMemberStart(SyntaxKind kind, BodyKind body) => body switch
    {
        BodyKind.Interface => IsInterfaceMemberStart(kind),
        BodyKind.World => IsWorldMemberStart(kind),
        _ => IsResourceMemberStart(kind),
    };

    private static string MemberExpectation(BodyKind body) => body switch
    {
        BodyKind.Interface => "`type`, `resource` or `func`",
        BodyKind.World => "`import`, `export`, `include`, `use`, or type definition",
        _ => "`constructor` or identifier",
    };

    // ---- Attributes ---------------------------------------------------------------------------------------------

    /// <summary>Parses <c>@since(...)</c>, <c>@unstable(...)</c>, <c>@deprecated(...)</c> and <c>@external-id("...")</c> into <paramref name="slots"/>.</summary>
    private void ParseAttributes(SlotList slots)
    {
        while (At(SyntaxKind.AtToken)) slots.Add(ParseAttribute());
    }

    private GreenNode ParseAttribute()
    {
        var slots = Rent(Bump());
        var name = ExpectIdentifier();
        slots.Add(name);
        if (name.IsMissing) return Node(SyntaxKind.Attribute, slots);
        string kind = NameOf(name);
        if (kind is not ("since" or "unstable" or "deprecated" or "external-id"))
        {
            // Point at the name itself: the previous token was consumed, so the name is behind us.
            int nameStart = CurrentFullStart - name.FullWidth + name.LeadingWidth;
            ErrorAt(SyntaxDiagnostics.UnknownAttribute(kind), nameStart, name.Width);
        }

        var args = Rent(Expect(SyntaxKind.OpenParenToken));
        if (((GreenToken)args[0]).IsMissing) return Node(SyntaxKind.Attribute, slots);
        if (kind == "external-id")
        {
            var value = Rent(Expect(SyntaxKind.StringToken));
            args.Add(Node(SyntaxKind.AttributeArgument, value));
        }
        else if (kind is "since" or "unstable" or "deprecated")
        {
            // One `name = value` argument, as wit-parser reads them: anything after it is an error at the `)`.
            args.Add(ParseAttributeArgument(kind == "unstable" ? "feature" : "version", versionValue: kind != "unstable"));
        }
        else
        {
            args.Add(ParseAttributeArgument(null, versionValue: null));
        }

        args.Add(Expect(SyntaxKind.CloseParenToken));
        slots.Add(Node(SyntaxKind.AttributeArgumentList, args));
        return Node(SyntaxKind.Attribute, slots);
    }

    /// <summary>
    /// <c>name = value</c> where value is a version or an identifier (for an unknown attribute, <paramref name="versionValue"/>
    /// is null: a version when it starts with a digit).
    /// </summary>
    private GreenNode ParseAttributeArgument(string? requiredName, bool? versionValue)
    {
        var slots = Rent();
        if (requiredName is null && At(SyntaxKind.StringToken))
        {
            slots.Add(Bump());
            return Node(SyntaxKind.AttributeArgument, slots);
        }

        int nameStart = CurrentStart;
        var name = ExpectIdentifier();
        slots.Add(name);
        if (!name.IsMissing && requiredName is not null && NameOf(name) != requiredName)
        {
            ErrorAt(SyntaxDiagnostics.ExpectedName(requiredName, NameOf(name)), nameStart, name.Width);
        }

        slots.Add(Expect(SyntaxKind.EqualsToken));
        if (versionValue ?? At(SyntaxKind.IntegerToken)) slots.Add(ParseVersion(withAt: false));
        else slots.Add(ExpectIdentifier());
        return Node(SyntaxKind.AttributeArgument, slots);
    }

    // ---- Top-level items ----------------------------------------------------------------------------------------

    private GreenNode ParseTopLevelUse(SlotList slots)
    {
        slots.Add(Bump());
        slots.Add(ParseUsePath("';'"));
        if (At(SyntaxKind.AsKeyword))
        {
            slots.Add(Bump());
            slots.Add(ExpectIdentifier());
        }

        slots.Add(Expect(SyntaxKind.SemicolonToken));
        return Node(SyntaxKind.TopLevelUse, slots);
    }

    /// <summary>
    /// <c>id</c>, or <c>ns:pkg/iface(@version)?</c>. The grammar's nested namespaces (<c>a:b:c/d</c>) and nested
    /// interfaces (<c>a:b/c/d</c>) are parsed but refused, as wit-parser has neither: it expects the <c>/</c>, or
    /// <paramref name="follow"/> (what comes after the path), where they continue.
    /// </summary>
    private GreenNode ParseUsePath(string follow)
    {
        var slots = Rent(ExpectIdentifier());
        if (At(SyntaxKind.ColonToken))
        {
            slots.Add(Bump());
            slots.Add(ExpectIdentifier());
            while (At(SyntaxKind.ColonToken))
            {
                ErrorExpected("`/`");
                slots.Add(Bump());
                slots.Add(ExpectIdentifier());
            }

            slots.Add(Expect(SyntaxKind.SlashToken));
            slots.Add(ExpectIdentifier());
            while (At(SyntaxKind.SlashToken))
            {
                ErrorExpected(follow);
                slots.Add(Bump());
                slots.Add(ExpectIdentifier());
            }

            if (At(SyntaxKind.AtToken)) slots.Add(ParseVersion(withAt: true));
        }

        return Node(SyntaxKind.UsePath, slots);
    }

    private GreenNode ParseInterface(SlotList slots)
    {
        slots.Add(Bump());
        slots.Add(ExpectIdentifier());
        slots.Add(ParseBody(SyntaxKind.InterfaceBody, BodyKind.Interface));
        return Node(SyntaxKind.Interface, slots);
    }

    private GreenNode ParseWorld(SlotList slots)
    {
        slots.Add(Bump());
        slots.Add(ExpectIdentifier());
        slots.Add(ParseBody(SyntaxKind.WorldBody, BodyKind.World));
        return Node(SyntaxKind.World, slots);
    }

    /// <summary>
    /// <c>{ member* }</c>. An unexpected token is reported with the member expectation wit-parser uses; a keyword that
    /// only starts a top-level item (or the end of the file) ends the body, anything else is skipped up to the next
    /// member.
    /// </summary>
    private GreenNode ParseBody(SyntaxKind kind, BodyKind body)
    {
        var slots = Rent();
        var open = Expect(SyntaxKind.OpenBraceToken);
        slots.Add(open);
        if (open.IsMissing)
        {
            slots.Add(GreenToken.Missing(SyntaxKind.CloseBraceToken));
            return Node(kind, slots);
        }

        // A large body's members are parsed on several cores when its text cuts cleanly (see WitParser.Parallel).
        TryParseMembersInSegments(body, slots);
        while (!At(SyntaxKind.CloseBraceToken))
        {
            var current = CurrentKind;
            if (IsMemberStart(current, body))
            {
                // Right after an error, an identifier that does not start `name:` is stray text: skipped with the stray
                // names after it, not parsed as a member whose every other token is missing (a 600 KB run of `%`, each
                // a name, cost 1.1 s and 300 MB that way).
                if (current == SyntaxKind.IdentifierToken && _index - _lastErrorIndex <= 1 && Peek(1).Kind != SyntaxKind.ColonToken)
                {
                    slots.Add(SkipStrayNames());
                    continue;
                }

                slots.Add(ParseMember(body));
                continue;
            }

            ErrorExpected(MemberExpectation(body));
            if (current == SyntaxKind.EndOfFileToken || EndsBody(current, body)) break;
            slots.Add(SkipUntil(k => IsMemberStart(k, body) || EndsBody(k, body)));
        }

        slots.Add(Expect(SyntaxKind.CloseBraceToken));
        return Node(kind, slots);
    }

    /// <summary>
    /// Skips names not followed by <c>:</c> into one <see cref="SyntaxKind.SkippedTokens"/> node, as part of the error
    /// before them (no diagnostic of their own: they are the same breakage).
    /// </summary>
    private GreenNode SkipStrayNames()
    {
        var slots = Rent();
        do
        {
            slots.Add(Bump());
            _lastErrorIndex = _index;
        }
        while (At(SyntaxKind.IdentifierToken) && Peek(1).Kind != SyntaxKind.ColonToken);

        return Node(SyntaxKind.SkippedTokens, slots);
    }

    private GreenNode ParseMember(BodyKind body)
    {
        var slots = Rent();
        ParseAttributes(slots);
        var kind = CurrentKind;
        if (!IsMemberStart(kind, body) || kind == SyntaxKind.AtToken)
        {
            ErrorExpected(MemberExpectation(body));
            return Node(SyntaxKind.SkippedTokens, slots);
        }

        if (body == BodyKind.Resource) return ParseResourceMember(slots);
        switch (kind)
        {
            case SyntaxKind.UseKeyword: return ParseUseItem(slots);
            case SyntaxKind.TypeKeyword: return ParseTypeAlias(slots);
            case SyntaxKind.RecordKeyword: return ParseRecord(slots);
            case SyntaxKind.FlagsKeyword: return ParseFlags(slots);
            case SyntaxKind.VariantKeyword: return ParseVariant(slots);
            case SyntaxKind.EnumKeyword: return ParseEnum(slots);
            case SyntaxKind.ResourceKeyword: return ParseResource(slots);
            case SyntaxKind.ImportKeyword: return ParseImportExport(slots, SyntaxKind.ImportItem);
            case SyntaxKind.ExportKeyword: return ParseImportExport(slots, SyntaxKind.ExportItem);
            case SyntaxKind.IncludeKeyword: return ParseInclude(slots);
            default: return ParseFunctionItem(slots);
        }
    }

    private GreenNode ParseUseItem(SlotList slots)
    {
        slots.Add(Bump());
        slots.Add(ParseUsePath("'.'"));
        slots.Add(Expect(SyntaxKind.DotToken));
        slots.Add(ParseDelimitedList(SyntaxKind.UseNameList, SyntaxKind.OpenBraceToken, SyntaxKind.CloseBraceToken, ListElement.UseName));
        slots.Add(Expect(SyntaxKind.SemicolonToken));
        return Node(SyntaxKind.UseItem, slots);
    }

    private GreenNode ParseUseName()
    {
        var slots = Rent(ExpectIdentifier());
        if (At(SyntaxKind.AsKeyword))
        {
            slots.Add(Bump());
            slots.Add(ExpectIdentifier());
        }

        return Node(SyntaxKind.UseName, slots);
    }

    private GreenNode ParseFunctionItem(SlotList slots)
    {
        slots.Add(ExpectIdentifier());
        slots.Add(Expect(SyntaxKind.ColonToken));
        slots.Add(ParseFunctionType());
        slots.Add(Expect(SyntaxKind.SemicolonToken));
        return Node(SyntaxKind.FunctionItem, slots);
    }

    /// <summary><c>async? func (params) (-> type)?</c>.</summary>
    private GreenNode ParseFunctionType()
    {
        var slots = Rent();
        if (At(SyntaxKind.AsyncKeyword)) slots.Add(Bump());
        var func = Expect(SyntaxKind.FuncKeyword);
        slots.Add(func);
        if (func.IsMissing && !At(SyntaxKind.OpenParenToken)) return Node(SyntaxKind.FunctionType, slots);
        slots.Add(ParseParameterList());
        if (At(SyntaxKind.ArrowToken)) slots.Add(ParseResultList());
        return Node(SyntaxKind.FunctionType, slots);
    }

    private GreenNode ParseParameterList() =>
        ParseDelimitedList(SyntaxKind.ParameterList, SyntaxKind.OpenParenToken, SyntaxKind.CloseParenToken, ListElement.Parameter);

    private GreenNode ParseParameter()
    {
        var slots = Rent(ExpectIdentifier(), Expect(SyntaxKind.ColonToken));
        slots.Add(ParseType(0));
        return Node(SyntaxKind.Parameter, slots);
    }

    private GreenNode ParseResultList()
    {
        var slots = Rent(Bump(), ParseType(0));
        return Node(SyntaxKind.ResultList, slots);
    }

    private GreenNode ParseResource(SlotList slots)
    {
        slots.Add(Bump());
        slots.Add(ExpectIdentifier());
        if (At(SyntaxKind.OpenBraceToken)) slots.Add(ParseBody(SyntaxKind.ResourceBody, BodyKind.Resource));
        else slots.Add(Expect(SyntaxKind.SemicolonToken));
        return Node(SyntaxKind.Resource, slots);
    }

    private GreenNode ParseResourceMember(SlotList slots)
    {
        if (At(SyntaxKind.ConstructorKeyword))
        {
            slots.Add(Bump());
            slots.Add(ParseParameterList());
            if (At(SyntaxKind.ArrowToken)) slots.Add(ParseResultList());
            slots.Add(Expect(SyntaxKind.SemicolonToken));
            return Node(SyntaxKind.ResourceConstructor, slots);
        }

        slots.Add(ExpectIdentifier());
        slots.Add(Expect(SyntaxKind.ColonToken));
        var kind = SyntaxKind.ResourceMethod;
        if (At(SyntaxKind.StaticKeyword))
        {
            slots.Add(Bump());
            kind = SyntaxKind.ResourceStaticFunction;
        }

        slots.Add(ParseFunctionType());
        slots.Add(Expect(SyntaxKind.SemicolonToken));
        return Node(kind, slots);
    }

    /// <summary>
    /// <c>import name: func...;</c>, <c>import name: interface {...}</c>, <c>import name: path;</c> or
    /// <c>import path;</c>. <c>a:b/c</c> (an identifier, a colon, an identifier and a slash) is a package path;
    /// otherwise an identifier followed by a colon names the import.
    /// </summary>
    private GreenNode ParseImportExport(SlotList slots, SyntaxKind kind)
    {
        slots.Add(Bump());
        bool named = At(SyntaxKind.IdentifierToken) && Peek(1).Kind == SyntaxKind.ColonToken
            && !(Peek(2).Kind == SyntaxKind.IdentifierToken && Peek(3).Kind == SyntaxKind.SlashToken);
        if (!named)
        {
            slots.Add(ParseUsePath("';'"));
            slots.Add(Expect(SyntaxKind.SemicolonToken));
            return Node(kind, slots);
        }

        slots.Add(ExpectIdentifier());
        slots.Add(Bump());
        switch (CurrentKind)
        {
            case SyntaxKind.FuncKeyword:
            case SyntaxKind.AsyncKeyword:
                slots.Add(ParseFunctionType());
                slots.Add(Expect(SyntaxKind.SemicolonToken));
                break;
            case SyntaxKind.InterfaceKeyword:
                var inline = Rent(Bump(), ParseBody(SyntaxKind.InterfaceBody, BodyKind.Interface));
                slots.Add(Node(SyntaxKind.InlineInterface, inline));
                break;
            default:
                // wit-parser reads anything else as the interface path of a named import, so a missing path is an
                // expected identifier.
                slots.Add(ParseUsePath("';'"));
                slots.Add(Expect(SyntaxKind.SemicolonToken));
                break;
        }

        return Node(kind, slots);
    }

    private GreenNode ParseInclude(SlotList slots)
    {
        slots.Add(Bump());
        slots.Add(ParseUsePath("';'"));
        if (At(SyntaxKind.WithKeyword))
        {
            slots.Add(Bump());
            slots.Add(ParseDelimitedList(SyntaxKind.IncludeNameList, SyntaxKind.OpenBraceToken, SyntaxKind.CloseBraceToken, ListElement.IncludeName));
            return Node(SyntaxKind.IncludeItem, slots);
        }

        slots.Add(Expect(SyntaxKind.SemicolonToken));
        return Node(SyntaxKind.IncludeItem, slots);
    }

    private GreenNode ParseIncludeName()
    {
        var slots = Rent(ExpectIdentifier(), Expect(SyntaxKind.AsKeyword), ExpectIdentifier());
        return Node(SyntaxKind.IncludeName, slots);
    }

    /// <summary>
    /// <c>open element (, element)* ,? close</c>. After an element that is followed by neither a comma nor the
    /// closer, the closer is reported missing (wit-parser's wording) and tokens are skipped to the next comma or
    /// closer, unless the token plainly belongs to what follows the list.
    /// </summary>
    private GreenNode ParseDelimitedList(SyntaxKind kind, SyntaxKind open, SyntaxKind close, ListElement element)
    {
        var slots = Rent();
        var opener = Expect(open);
        slots.Add(opener);
        if (opener.IsMissing)
        {
            slots.Add(GreenToken.Missing(close));
            return Node(kind, slots);
        }

        while (!At(close))
        {
            int before = CurrentFullStart;
            slots.Add(ParseListElement(element));
            if (At(SyntaxKind.CommaToken))
            {
                slots.Add(Bump());
                continue;
            }

            if (At(close)) break;
            ErrorExpected(SyntaxFacts.DescribeExpected(close));
            if (IsListStop(CurrentKind, close)) break;
            slots.Add(SkipInList(close));
            if (At(SyntaxKind.CommaToken)) slots.Add(Bump());
            else if (!At(close)) break;
            if (CurrentFullStart == before) break;
        }

        slots.Add(Expect(close));
        return Node(kind, slots);
    }

    /// <summary>What a delimited list holds (an enum rather than a delegate: no allocation per list).</summary>
    private enum ListElement
    {
        UseName,
        Parameter,
        IncludeName,
        RecordField,
        FlagsMember,
        VariantCase,
        EnumCase,
    }

    private GreenNode ParseListElement(ListElement element) => element switch
    {
        ListElement.UseName => ParseUseName(),
        ListElement.Parameter => ParseParameter(),
        ListElement.IncludeName => ParseIncludeName(),
        ListElement.RecordField => ParseRecordField(),
        ListElement.FlagsMember => Node(SyntaxKind.FlagsMember, Rent(ExpectIdentifier())),
        ListElement.VariantCase => ParseVariantCase(),
        _ => Node(SyntaxKind.EnumCase, Rent(ExpectIdentifier())),
    };

    private static bool IsListStop(SyntaxKind kind, SyntaxKind close) => kind is SyntaxKind.EndOfFileToken or SyntaxKind.SemicolonToken
        or SyntaxKind.CloseBraceToken or SyntaxKind.OpenBraceToken || IsTopLevelStart(kind) && kind != SyntaxKind.AtToken
        || IsTypeDefinitionStart(kind) || kind is SyntaxKind.ImportKeyword or SyntaxKind.ExportKeyword or SyntaxKind.IncludeKeyword
        || close == SyntaxKind.CloseParenToken && kind == SyntaxKind.ArrowToken;

    private GreenNode SkipInList(SyntaxKind close)
    {
        var slots = Rent();
        while (!At(SyntaxKind.CommaToken) && !At(close) && !IsListStop(CurrentKind, close)) slots.Add(Bump());
        return Node(SyntaxKind.SkippedTokens, slots);
    }
}
