using System.Collections.Generic;
using Wit.Core.Diagnostics;
using Wit.Core.Syntax;
using Wit.Core.Text;

namespace Wit.Core.Wit;

/// <summary>
/// The WIT parser: recursive descent over <see cref="WitLexer"/> tokens, building green nodes. It never throws and
/// never stops early: a missing token is inserted at zero width, unexpected tokens are kept in
/// <see cref="SyntaxKind.SkippedTokens"/> nodes, and every error is a diagnostic stored in the top-level item that
/// contains it. Recursion depth is bounded by the nesting limits (types and packages, 100 each, as in wit-parser);
/// over-deep input is skipped flat. This file holds the machinery and the document level; the other parts hold
/// items and types.
/// </summary>
internal sealed partial class WitParser
{
    /// <summary>wit-parser's limit for nested types and nested packages.</summary>
    internal const int MaxNesting = 100;

    private readonly string _text;
    private readonly WitLexer _lexer;

    /// <summary>The parse's cache, the lexer's too (a thread-static read per node cost more than the field).</summary>
    private readonly GreenCache _cache = GreenCache.Instance;

    /// <summary>
    /// The tokens lexed ahead, in a ring: the parser looks at most <see cref="MaxLookahead"/> tokens past the current
    /// one and never back, so a whole file's tokens are never held (nor copied as a list grows).
    /// </summary>
    private readonly GreenToken[] _tokens = new GreenToken[RingSize];
    private readonly int[] _positions = new int[RingSize];
    private const int RingSize = 8;

    /// <summary>The index mask of the ring (<see cref="RingSize"/> is a power of two; indexes are never negative).</summary>
    private const int RingMask = RingSize - 1;
    private const int MaxLookahead = 3;

    /// <summary>How many tokens were lexed; the token at index <c>i</c> sits at <c>i % RingSize</c> while it is current or ahead.</summary>
    private int _lexed;
    private int _index;

    /// <summary>
    /// Cleared slot lists to build nodes in: each node is built in a list taken here and returned by <see cref="Node"/>
    /// once the node holds an exact-size copy, so a parse allocates a list per nesting level, not per node.
    /// </summary>
    private readonly Stack<SlotList> _pool = new();
    private readonly List<(DiagnosticMessage Message, int Start, int Length)> _pending = new();
    private int _lastErrorPosition = -1;

    /// <summary>The token index of the last error, reported or suppressed (see <see cref="Cascades"/>).</summary>
    private int _lastErrorIndex = NoError;

    /// <summary>A token index far from any, so that the first error is never a cascade.</summary>
    private const int NoError = int.MinValue / 2;

    private WitParser(string text, int start)
    {
        _text = text;
        _lexer = new WitLexer(text, start);
    }

    /// <summary>A parser of <c>text[start..end)</c> alone, whose end of file is at <paramref name="end"/> (a segment of a body).</summary>
    private WitParser(string text, int start, int end)
    {
        _text = text;
        _lexer = new WitLexer(text, start, end);
    }

    /// <summary>Parses a whole document.</summary>
    public static GreenNode ParseDocument(string text)
    {
        var parser = new WitParser(text, 0);
        var items = new List<GreenElement>();
        while (parser.Current.Kind != SyntaxKind.EndOfFileToken) items.Add(parser.ParseTopLevelItem());
        items.Add(parser.Bump());
        return BuildRoot(items);
    }

    /// <summary>
    /// Reparses after one change. Items that end before the change (but the last of them, whose extent may depend on
    /// the token after it, and which is kept only if it parses the same again) are kept; parsing restarts at the first affected item and stops as soon as a parsed item
    /// ends exactly where an untouched old item now starts, past the changed text; the rest of the old items are kept.
    /// </summary>
    public static GreenNode Reparse(GreenNode oldRoot, string newText, TextChange change)
    {
        int itemCount = oldRoot.SlotCount - 1;
        var starts = new int[itemCount + 1];
        int position = 0;
        for (int i = 0; i < itemCount; i++)
        {
            starts[i] = position;
            position += oldRoot.GetSlot(i).FullWidth;
        }

        starts[itemCount] = position;

        int touched = itemCount;
        for (int i = 0; i < itemCount; i++)
        {
            if (starts[i] + oldRoot.GetSlot(i).FullWidth >= change.Span.Start) { touched = i; break; }
        }

        int first = System.Math.Max(0, touched - 1);
        if (first >= itemCount) first = System.Math.Max(0, itemCount - 1);

        // An item that ends with a missing token stopped where the next token did not fit it: text after it (an edit
        // in the next item, e.g. `package a:b` followed by `:c`) may extend it, so it is parsed again too.
        while (first > 0 && EndsWithMissingToken(oldRoot.GetSlot(first - 1))) first--;
        int restart = itemCount == 0 ? 0 : starts[first];

        var items = new List<GreenElement>();
        for (int i = 0; i < first && i < itemCount; i++) items.Add(oldRoot.GetSlot(i));

        int changeEndInNew = change.Span.Start + change.NewText.Length;
        int delta = change.Delta;
        int candidate = 0;
        while (candidate <= itemCount && starts[candidate] <= change.Span.End) candidate++;

        var parser = new WitParser(newText, restart);
        while (true)
        {
            int current = parser.CurrentFullStart;
            while (candidate <= itemCount && starts[candidate] + delta < current) candidate++;
            if (candidate <= itemCount && starts[candidate] + delta == current && current >= changeEndInNew)
            {
                for (int i = candidate; i <= itemCount; i++) items.Add(oldRoot.GetSlot(i));
                return BuildRoot(items);
            }

            if (parser.Current.Kind == SyntaxKind.EndOfFileToken)
            {
                items.Add(parser.Bump());
                return BuildRoot(items);
            }

            var item = parser.ParseTopLevelItem();

            // The item before the change is parsed again only because its extent may depend on what follows it:
            // when it came out the same, the old node stays, so the item counts as untouched downstream.
            if (items.Count == first && first < touched && first < itemCount && GreenElement.StructurallyEqual(item, oldRoot.GetSlot(first))) items.Add(oldRoot.GetSlot(first));
            else items.Add(item);
        }
    }

    /// <summary>Whether the last token of <paramref name="item"/> (its rightmost, zero-width or not) is missing.</summary>
    private static bool EndsWithMissingToken(GreenElement item)
    {
        var current = item;
        while (current is GreenNode node)
        {
            GreenElement? last = null;
            for (int i = node.SlotCount - 1; i >= 0 && last is null; i--) last = node.GetSlot(i);
            if (last is null) return false;
            current = last;
        }

        return current is GreenToken { IsMissing: true };
    }

    /// <summary>
    /// Builds the document node. The checks that depend on an item's place in the file (a <c>package a:b;</c>
    /// declaration is only allowed first) live here, so that items themselves stay independent of their neighbours.
    /// </summary>
    private static GreenNode BuildRoot(List<GreenElement> items)
    {
        List<GreenDiagnostic>? diagnostics = null;
        int position = 0;
        for (int i = 0; i < items.Count; i++)
        {
            var item = items[i];
            // A declaration with an error of its own fails there first (wit-parser reads it before the `;`).
            if (i > 0 && item.Kind == SyntaxKind.PackageDeclaration && item is GreenNode { ContainsDiagnostics: false } declaration)
            {
                int offset = position;
                for (int s = 0; s < declaration.SlotCount; s++)
                {
                    var slot = declaration.GetSlot(s);
                    if (slot is GreenToken { Kind: SyntaxKind.SemicolonToken, IsMissing: false } semicolon)
                    {
                        (diagnostics ??= new List<GreenDiagnostic>()).Add(new GreenDiagnostic(
                            SyntaxDiagnostics.ExpectedFound("'{'", "';'"), offset + semicolon.LeadingWidth, 1));
                    }

                    offset += slot.FullWidth;
                }
            }

            position += item.FullWidth;
        }

        return GreenNode.Create(SyntaxKind.WitDocument, items, diagnostics?.ToArray());
    }

    // ---- Token machinery ----------------------------------------------------------------------------------------

    private GreenToken Peek(int ahead)
    {
        System.Diagnostics.Debug.Assert(ahead <= MaxLookahead);
        return _index + ahead < _lexed ? _tokens[(_index + ahead) & RingMask] : LexUpTo(ahead);
    }

    /// <summary>Lexes tokens until the one <paramref name="ahead"/> of the current one (or the end of the file) is in the ring.</summary>
    private GreenToken LexUpTo(int ahead)
    {
        while (_index + ahead >= _lexed)
        {
            if (_lexed > 0 && _tokens[(_lexed - 1) & RingMask].Kind == SyntaxKind.EndOfFileToken) return _tokens[(_lexed - 1) & RingMask];
            _positions[_lexed & RingMask] = _lexer.Position;
            _tokens[_lexed & RingMask] = _lexer.Next();
            _lexed++;
        }

        return _tokens[(_index + ahead) & RingMask];
    }

    /// <summary>The current token; inlined where it is already in the ring (the parser asks for it several times per token).</summary>
    private GreenToken Current
    {
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        get => _index < _lexed ? _tokens[_index & RingMask] : LexUpTo(0);
    }

    private SyntaxKind CurrentKind => Current.Kind;

    private int CurrentFullStart
    {
        get
        {
            Peek(0);
            return _positions[System.Math.Min(_index, _lexed - 1) & RingMask];
        }
    }

    /// <summary>The start of the current token's own text (where wit-parser points its errors).</summary>
    private int CurrentStart => CurrentFullStart + Current.LeadingWidth;

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private GreenToken Bump()
    {
        var token = Current;
        if (token.Kind != SyntaxKind.EndOfFileToken || _index < _lexed) _index++;
        return token;
    }

    private bool At(SyntaxKind kind) => CurrentKind == kind;

    private GreenToken Expect(SyntaxKind kind)
    {
        if (At(kind)) return Bump();
        ErrorExpected(SyntaxFacts.DescribeExpected(kind));
        return GreenToken.Missing(kind);
    }

    /// <summary>Expects a name and checks that it is kebab-case (a leading <c>%</c> only escapes keywords).</summary>
    private GreenToken ExpectIdentifier()
    {
        if (!At(SyntaxKind.IdentifierToken)) return Expect(SyntaxKind.IdentifierToken);
        int index = _index;
        var token = Bump();
        if (WitLexer.IdentifierProblem(NameOf(token)) is { } problem)
        {
            // The token's start is read only for an error: the ring still holds its position (the parser never looks back further than that).
            ErrorAt(problem, _positions[index & RingMask] + token.LeadingWidth, token.Width);
        }

        return token;
    }

    /// <summary>The name an identifier token stands for: its text without a leading <c>%</c>.</summary>
    private static string NameOf(GreenToken token) =>
        token.Text is { Length: > 0 } text && text[0] == '%' ? text.Substring(1) : token.Text;

    /// <summary>
    /// Reports "expected …, found …" at the current token as <see cref="Error"/> does; the message is written only when
    /// it is reported (a run of stray tokens suppresses all but the first, see <see cref="Cascades"/>).
    /// </summary>
    private void ErrorExpected(string expected)
    {
        if (Reports(CurrentStart) && Current.Diagnostics.Length == 0) Error(SyntaxDiagnostics.ExpectedFound(expected, SyntaxFacts.DescribeFound(Current)), CurrentStart, Current.Width);
    }

    /// <summary>
    /// Reports an error at the current token, unless one was already reported there (no cascades). A token with a
    /// lexer error (a bad token, a broken string, a comment before it) carries that error, which is the one
    /// wit-parser reports when the parser asks for the token, so nothing is added for it.
    /// </summary>
    private void Error(DiagnosticMessage message)
    {
        if (Reports(CurrentStart) && Current.Diagnostics.Length == 0) Error(message, CurrentStart, Current.Width);
    }

    private void ErrorAt(DiagnosticMessage message, int start, int length)
    {
        if (Reports(start)) Error(message, start, length);
    }

    private void Error(DiagnosticMessage message, int start, int length) => _pending.Add((message, start, length));

    /// <summary>
    /// Whether an error at <paramref name="start"/> is reported: not when one was already reported there, nor when it
    /// is a cascade of the last one (<see cref="Cascades"/>). Either way the position counts as the last error's.
    /// </summary>
    private bool Reports(int start)
    {
        if (start == _lastErrorPosition) return false;
        _lastErrorPosition = start;
        return !Cascades();
    }

    /// <summary>
    /// Whether an error here follows the last one (reported or not) within a token: a cascade of the same breakage, as
    /// in a run of stray tokens (<c>%%%%</c>, <c>}}}}</c>), reported once as compilers do. Without this a file of stray
    /// tokens cost a diagnostic (and its message) per token: 600,000 for a 600 KB run, 1.3 s and 560 MB to parse.
    /// </summary>
    private bool Cascades()
    {
        bool cascade = _index - _lastErrorIndex <= 1;
        _lastErrorIndex = _index;
        return cascade;
    }

    /// <summary>A node; small inner nodes of the same kind and children are shared (<see cref="GreenCache.Node"/>).</summary>
    private GreenNode Node(SyntaxKind kind, SlotList slots)
    {
        var node = IsSharable(kind) ? _cache.Node(kind, slots) : GreenNode.Create(kind, slots);
        System.Diagnostics.Debug.Assert(!_pool.Contains(slots), "a slot list was returned twice");
        slots.Clear();
        _pool.Push(slots);
        return node;
    }

    /// <summary>An empty slot list from the pool (see <see cref="_pool"/>).</summary>
    private SlotList Rent() => _pool.Count > 0 ? _pool.Pop() : new SlotList();

    private SlotList Rent(GreenElement a)
    {
        var slots = Rent();
        slots.Add(a);
        return slots;
    }

    private SlotList Rent(GreenElement a, GreenElement b)
    {
        var slots = Rent(a);
        slots.Add(b);
        return slots;
    }

    private SlotList Rent(GreenElement a, GreenElement b, GreenElement c)
    {
        var slots = Rent(a, b);
        slots.Add(c);
        return slots;
    }

    /// <summary>The kinds that are never a top-level item (whose identity tells an unchanged item) nor skipped text.</summary>
    private static bool IsSharable(SyntaxKind kind) => kind is SyntaxKind.NamedType or SyntaxKind.PrimitiveType or SyntaxKind.ListType
        or SyntaxKind.OptionType or SyntaxKind.ResultType or SyntaxKind.TupleType or SyntaxKind.MapType or SyntaxKind.ErrorContextType
        or SyntaxKind.Parameter or SyntaxKind.RecordField or SyntaxKind.EnumCase or SyntaxKind.FlagsMember or SyntaxKind.VariantCase
        or SyntaxKind.VariantCasePayload or SyntaxKind.UseName or SyntaxKind.UsePath or SyntaxKind.Version or SyntaxKind.PackageName
        or SyntaxKind.AttributeArgument or SyntaxKind.AttributeArgumentList or SyntaxKind.ResultList or SyntaxKind.IncludeName
        or SyntaxKind.RecordFieldList or SyntaxKind.ParameterList or SyntaxKind.FlagsMemberList or SyntaxKind.EnumCaseList
        or SyntaxKind.VariantCaseList or SyntaxKind.UseNameList or SyntaxKind.IncludeNameList or SyntaxKind.FunctionType;

    /// <summary>
    /// Skips tokens into a <see cref="SyntaxKind.SkippedTokens"/> node until <paramref name="stop"/> holds at brace
    /// depth zero. At least one token is consumed so that every caller makes progress. A <c>;</c> at depth zero is
    /// consumed and ends the run.
    /// </summary>
    private GreenNode SkipUntil(System.Func<SyntaxKind, bool> stop)
    {
        var slots = Rent();
        int depth = 0;
        while (!At(SyntaxKind.EndOfFileToken))
        {
            var kind = CurrentKind;
            if (slots.Count > 0 && depth == 0 && stop(kind)) break;
            if (kind == SyntaxKind.OpenBraceToken) depth++;
            else if (kind == SyntaxKind.CloseBraceToken)
            {
                if (depth == 0 && slots.Count > 0) break;
                if (depth > 0) depth--;
            }

            slots.Add(Bump());
            if (depth == 0 && kind == SyntaxKind.SemicolonToken) break;
        }

        return Node(SyntaxKind.SkippedTokens, slots);
    }

    // ---- Document level -----------------------------------------------------------------------------------------

    private static bool IsTopLevelStart(SyntaxKind kind) => kind is SyntaxKind.PackageKeyword or SyntaxKind.InterfaceKeyword
        or SyntaxKind.WorldKeyword or SyntaxKind.UseKeyword or SyntaxKind.AtToken;

    /// <summary>
    /// Parses one top-level item and attaches the diagnostics reported while parsing it. The error-suppression state
    /// is reset first, so an item parses the same whether the parser started at the file's start or at this item.
    /// </summary>
    private GreenNode ParseTopLevelItem()
    {
        _pending.Clear();
        _lastErrorPosition = -1;
        _lastErrorIndex = NoError;
        int start = CurrentFullStart;
        var node = ParseTopLevelItemCore(packageDepth: 0);
        return AttachPending(node, start);
    }

    private GreenNode AttachPending(GreenNode node, int start)
    {
        if (_pending.Count == 0) return node;
        var diagnostics = new GreenDiagnostic[_pending.Count];
        for (int i = 0; i < _pending.Count; i++)
        {
            var p = _pending[i];
            diagnostics[i] = new GreenDiagnostic(p.Message, p.Start - start, p.Length);
        }

        _pending.Clear();
        return node.WithDiagnostics(diagnostics);
    }

    private GreenNode ParseTopLevelItemCore(int packageDepth)
    {
        var slots = Rent();
        ParseAttributes(slots);
        switch (CurrentKind)
        {
            case SyntaxKind.PackageKeyword:
                return ParsePackage(packageDepth, slots);
            case SyntaxKind.InterfaceKeyword:
                return ParseInterface(slots);
            case SyntaxKind.WorldKeyword:
                return ParseWorld(slots);
            case SyntaxKind.UseKeyword:
                return ParseTopLevelUse(slots);
        }

        ErrorExpected("`world`, `interface` or `use`");
        if (slots.Count > 0 && (At(SyntaxKind.EndOfFileToken) || IsTopLevelStart(CurrentKind))) return Node(SyntaxKind.SkippedTokens, slots);
        slots.Add(SkipUntil(IsTopLevelStart));
        return Node(SyntaxKind.SkippedTokens, slots);
    }

    /// <summary>
    /// <c>package a:b;</c> or <c>package a:b { ... }</c>. wit-parser takes a package with attributes (which only a
    /// nested package could have) for a nested one and refuses the attributes; they are kept in the node.
    /// </summary>
    private GreenNode ParsePackage(int depth, SlotList slots)
    {
        int packageStart = CurrentStart;
        if (slots.Count > 0) ErrorAt(SyntaxDiagnostics.AttributesOnNestedPackage(), packageStart, Current.Width);
        if (depth >= MaxNesting)
        {
            ErrorAt(SyntaxDiagnostics.PackageNestingTooDeep(), packageStart, Current.Width);
            slots.Add(SkipBalancedBraces());
            return Node(SyntaxKind.SkippedTokens, slots);
        }

        bool nestedOnly = depth > 0 || slots.Count > 0;
        slots.Add(Bump());
        slots.Add(ParsePackageName());
        if (At(SyntaxKind.OpenBraceToken))
        {
            slots.Add(Bump());
            while (!At(SyntaxKind.CloseBraceToken))
            {
                if (At(SyntaxKind.EndOfFileToken))
                {
                    ErrorExpected("`world`, `interface` or `use`");
                    break;
                }

                if (IsTopLevelStart(CurrentKind)) slots.Add(ParseTopLevelItemCore(depth + 1));
                else
                {
                    ErrorExpected("`world`, `interface` or `use`");
                    slots.Add(SkipUntil(IsTopLevelStart));
                }
            }

            slots.Add(Expect(SyntaxKind.CloseBraceToken));
            return Node(SyntaxKind.NestedPackage, slots);
        }

        // wit-parser reads `package a:b` followed by anything but `;` (or any package inside another) as a nested
        // package, so it expects the brace.
        if (nestedOnly || !At(SyntaxKind.SemicolonToken)) ErrorExpected("'{'");
        slots.Add(Expect(SyntaxKind.SemicolonToken));
        return Node(SyntaxKind.PackageDeclaration, slots);
    }

    /// <summary>Skips an over-deep region: tokens until the brace that closes the enclosing block, without recursion.</summary>
    private GreenNode SkipBalancedBraces()
    {
        var slots = Rent();
        int depth = 0;
        while (!At(SyntaxKind.EndOfFileToken))
        {
            if (At(SyntaxKind.OpenBraceToken)) depth++;
            else if (At(SyntaxKind.CloseBraceToken))
            {
                if (depth == 0) break;
                depth--;
            }

            slots.Add(Bump());
        }

        return Node(SyntaxKind.SkippedTokens, slots);
    }

    /// <summary>
    /// <c>ns:name(@version)?</c>. The grammar's nested namespaces (<c>a:b:c</c>) and paths (<c>a:b/c</c>) are parsed
    /// but refused, as wit-parser has neither: it then expects the <c>{</c> of a nested package.
    /// </summary>
    private GreenNode ParsePackageName()
    {
        var slots = Rent(ExpectIdentifier(), Expect(SyntaxKind.ColonToken), ExpectIdentifier());
        while (At(SyntaxKind.ColonToken) && Peek(1).Kind == SyntaxKind.IdentifierToken)
        {
            ErrorExpected("'{'");
            slots.Add(Bump());
            slots.Add(ExpectIdentifier());
        }

        while (At(SyntaxKind.SlashToken))
        {
            ErrorExpected("'{'");
            slots.Add(Bump());
            slots.Add(ExpectIdentifier());
        }

        if (At(SyntaxKind.AtToken)) slots.Add(ParseVersion(withAt: true));
        return Node(SyntaxKind.PackageName, slots);
    }

    /// <summary>
    /// A semantic version as tokens: <c>1.2.3</c>, then <c>-</c> pre-release and <c>+</c> build parts made of
    /// identifiers, integers, hyphens and dots (a dot only when one of those follows it). As in wit-parser, the text
    /// checked is the source from the first integer to the last of those tokens, trivia included (a lone <c>-</c> or
    /// <c>+</c> is consumed but not part of it), and it is checked as the semver crate parses versions.
    /// </summary>
    private GreenNode ParseVersion(bool withAt)
    {
        var slots = Rent();
        if (withAt) slots.Add(Bump());
        int versionStart = CurrentStart;
        bool complete = true;
        foreach (var kind in new[] { SyntaxKind.IntegerToken, SyntaxKind.DotToken, SyntaxKind.IntegerToken, SyntaxKind.DotToken, SyntaxKind.IntegerToken })
        {
            var token = Expect(kind);
            complete &= !token.IsMissing;
            slots.Add(token);
        }

        int versionEnd = CurrentFullStart - ((GreenToken)slots[slots.Count - 1]).TrailingWidth;
        foreach (var prefix in new[] { SyntaxKind.MinusToken, SyntaxKind.PlusToken })
        {
            if (!At(prefix)) continue;
            slots.Add(Bump());
            while (true)
            {
                bool part = IsVersionPart(CurrentKind);
                if (!part && !(At(SyntaxKind.DotToken) && IsVersionPart(Peek(1).Kind))) break;
                if (!part) slots.Add(Bump());
                versionEnd = CurrentStart + Current.Width;
                slots.Add(Bump());
            }
        }

        if (complete)
        {
            string text = _text.Substring(versionStart, versionEnd - versionStart);
            if (SemVer.Problem(text) is { } problem) ErrorAt(problem, versionStart, text.Length);
        }

        return Node(SyntaxKind.Version, slots);
    }

    private static bool IsVersionPart(SyntaxKind kind) => kind is SyntaxKind.IdentifierToken or SyntaxKind.IntegerToken or SyntaxKind.MinusToken;
}
