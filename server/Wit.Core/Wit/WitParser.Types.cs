using System.Collections.Generic;
using Wit.Core.Diagnostics;
using Wit.Core.Syntax;

namespace Wit.Core.Wit;

/// <summary>Type definitions (alias, record, flags, variant, enum) and type expressions.</summary>
internal sealed partial class WitParser
{
    private GreenNode ParseTypeAlias(SlotList slots)
    {
        slots.Add(Bump());
        slots.Add(ExpectIdentifier());
        slots.Add(Expect(SyntaxKind.EqualsToken));
        slots.Add(ParseType(0));
        slots.Add(Expect(SyntaxKind.SemicolonToken));
        return Node(SyntaxKind.TypeAlias, slots);
    }

    private GreenNode ParseRecord(SlotList slots)
    {
        slots.Add(Bump());
        slots.Add(ExpectIdentifier());
        slots.Add(ParseDelimitedList(SyntaxKind.RecordFieldList, SyntaxKind.OpenBraceToken, SyntaxKind.CloseBraceToken, ListElement.RecordField));
        return Node(SyntaxKind.Record, slots);
    }

    private GreenNode ParseRecordField()
    {
        var slots = Rent(ExpectIdentifier(), Expect(SyntaxKind.ColonToken));
        slots.Add(ParseType(0));
        return Node(SyntaxKind.RecordField, slots);
    }

    private GreenNode ParseFlags(SlotList slots)
    {
        slots.Add(Bump());
        slots.Add(ExpectIdentifier());
        slots.Add(ParseDelimitedList(SyntaxKind.FlagsMemberList, SyntaxKind.OpenBraceToken, SyntaxKind.CloseBraceToken, ListElement.FlagsMember));
        return Node(SyntaxKind.Flags, slots);
    }

    private GreenNode ParseVariant(SlotList slots)
    {
        slots.Add(Bump());
        int nameStart = CurrentStart;
        var name = ExpectIdentifier();
        slots.Add(name);
        var cases = ParseDelimitedList(SyntaxKind.VariantCaseList, SyntaxKind.OpenBraceToken, SyntaxKind.CloseBraceToken, ListElement.VariantCase);
        slots.Add(cases);
        return Node(SyntaxKind.Variant, slots);
    }

    private GreenNode ParseVariantCase()
    {
        var slots = Rent(ExpectIdentifier());
        if (At(SyntaxKind.OpenParenToken))
        {
            var payload = Rent(Bump(), ParseType(0), Expect(SyntaxKind.CloseParenToken));
            slots.Add(Node(SyntaxKind.VariantCasePayload, payload));
        }

        return Node(SyntaxKind.VariantCase, slots);
    }

    private GreenNode ParseEnum(SlotList slots)
    {
        slots.Add(Bump());
        int nameStart = CurrentStart;
        var name = ExpectIdentifier();
        slots.Add(name);
        var cases = ParseDelimitedList(SyntaxKind.EnumCaseList, SyntaxKind.OpenBraceToken, SyntaxKind.CloseBraceToken, ListElement.EnumCase);
        slots.Add(cases);
        return Node(SyntaxKind.Enum, slots);
    }

    /// <summary>
    /// A type expression. <paramref name="depth"/> counts enclosing type constructors; at wit-parser's limit the rest
    /// of the type is reported once and skipped flat, so input depth never reaches the .NET stack.
    /// </summary>
    private GreenNode ParseType(int depth)
    {
        var kind = CurrentKind;

        // wit-parser counts every type it reads, so at the limit even a plain name is one level too deep.
        if (depth >= MaxNesting)
        {
            ErrorAt(SyntaxDiagnostics.TypeNestingTooDeep(), CurrentStart, Current.Width);
            return SkipType();
        }

        if (SyntaxFacts.IsPrimitiveTypeKeyword(kind)) return Node(SyntaxKind.PrimitiveType, Rent(Bump()));
        switch (kind)
        {
            case SyntaxKind.IdentifierToken:
                return Node(SyntaxKind.NamedType, Rent(ExpectIdentifier()));
            case SyntaxKind.ErrorContextKeyword:
                return Node(SyntaxKind.ErrorContextType, Rent(Bump()));
        }

        if (kind is SyntaxKind.ListKeyword or SyntaxKind.OptionKeyword or SyntaxKind.ResultKeyword or SyntaxKind.TupleKeyword
            or SyntaxKind.MapKeyword or SyntaxKind.BorrowKeyword or SyntaxKind.OwnKeyword or SyntaxKind.FutureKeyword or SyntaxKind.StreamKeyword)
        {
            return ParseConstructedType(kind, depth + 1);
        }

        ErrorExpected("a type");
        return Node(SyntaxKind.NamedType, Rent(GreenToken.Missing(SyntaxKind.IdentifierToken)));
    }

    private GreenNode ParseConstructedType(SyntaxKind keyword, int depth)
    {
        var slots = Rent(Bump());
        switch (keyword)
        {
            case SyntaxKind.ListKeyword:
                slots.Add(Expect(SyntaxKind.LessThanToken));
                slots.Add(ParseType(depth));
                if (At(SyntaxKind.CommaToken))
                {
                    slots.Add(Bump());
                    if (At(SyntaxKind.IntegerToken))
                    {
                        if (!uint.TryParse(Current.Text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _))
                        {
                            ErrorAt(SyntaxDiagnostics.ListSizeTooLarge(), CurrentStart, Current.Width);
                        }

                        slots.Add(Bump());
                    }
                    else
                    {
                        ErrorExpected("fixed-length");
                        slots.Add(GreenToken.Missing(SyntaxKind.IntegerToken));
                    }
                }

                slots.Add(Expect(SyntaxKind.GreaterThanToken));
                return Node(SyntaxKind.ListType, slots);
            case SyntaxKind.OptionKeyword:
                AddSingleArgument(slots, depth);
                return Node(SyntaxKind.OptionType, slots);
            case SyntaxKind.BorrowKeyword:
            case SyntaxKind.OwnKeyword:
                slots.Add(Expect(SyntaxKind.LessThanToken));
                slots.Add(Node(SyntaxKind.NamedType, Rent(ExpectIdentifier())));
                slots.Add(Expect(SyntaxKind.GreaterThanToken));
                return Node(keyword == SyntaxKind.BorrowKeyword ? SyntaxKind.BorrowType : SyntaxKind.OwnType, slots);
            case SyntaxKind.FutureKeyword:
            case SyntaxKind.StreamKeyword:
                if (At(SyntaxKind.LessThanToken)) AddSingleArgument(slots, depth);
                return Node(keyword == SyntaxKind.FutureKeyword ? SyntaxKind.FutureType : SyntaxKind.StreamType, slots);
            case SyntaxKind.MapKeyword:
                slots.Add(Expect(SyntaxKind.LessThanToken));
                slots.Add(ParseType(depth));
                slots.Add(Expect(SyntaxKind.CommaToken));
                slots.Add(ParseType(depth));
                slots.Add(Expect(SyntaxKind.GreaterThanToken));
                return Node(SyntaxKind.MapType, slots);
            case SyntaxKind.ResultKeyword:
                if (At(SyntaxKind.LessThanToken))
                {
                    slots.Add(Bump());
                    if (At(SyntaxKind.UnderscoreKeyword))
                    {
                        // `result<_, E>`: after the underscore the error type is required.
                        slots.Add(Bump());
                        slots.Add(Expect(SyntaxKind.CommaToken));
                        slots.Add(ParseType(depth));
                    }
                    else
                    {
                        slots.Add(ParseType(depth));
                        if (At(SyntaxKind.CommaToken))
                        {
                            slots.Add(Bump());
                            slots.Add(ParseType(depth));
                        }
                    }

                    slots.Add(Expect(SyntaxKind.GreaterThanToken));
                }

                return Node(SyntaxKind.ResultType, slots);
            default:
                // `tuple<>` is an empty tuple for wit-parser.
                slots.Add(Expect(SyntaxKind.LessThanToken));
                while (!At(SyntaxKind.GreaterThanToken))
                {
                    slots.Add(ParseType(depth));
                    if (!At(SyntaxKind.CommaToken)) break;
                    slots.Add(Bump());
                    if (At(SyntaxKind.GreaterThanToken)) break;
                }

                slots.Add(Expect(SyntaxKind.GreaterThanToken));
                return Node(SyntaxKind.TupleType, slots);
        }
    }

    private void AddSingleArgument(SlotList slots, int depth)
    {
        slots.Add(Expect(SyntaxKind.LessThanToken));
        slots.Add(ParseType(depth));
        slots.Add(Expect(SyntaxKind.GreaterThanToken));
    }

    /// <summary>Skips the rest of an over-deep type: up to the <c>&gt;</c>, <c>,</c> or <c>)</c> that closes the enclosing level.</summary>
    private GreenNode SkipType()
    {
        var slots = Rent();
        int depth = 0;
        while (true)
        {
            var kind = CurrentKind;
            if (kind is SyntaxKind.EndOfFileToken or SyntaxKind.SemicolonToken or SyntaxKind.OpenBraceToken or SyntaxKind.CloseBraceToken) break;
            bool closesLevel = kind is SyntaxKind.GreaterThanToken or SyntaxKind.CommaToken or SyntaxKind.CloseParenToken;
            if (depth <= 0 && closesLevel && slots.Count > 0) break;
            if (kind == SyntaxKind.LessThanToken) depth++;
            else if (kind == SyntaxKind.GreaterThanToken) depth--;
            slots.Add(Bump());
        }

        return Node(SyntaxKind.SkippedTokens, slots);
    }
}
