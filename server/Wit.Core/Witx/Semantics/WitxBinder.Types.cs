using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Wit.Core.Diagnostics;
using Wit.Core.Semantics;
using Wit.Core.Syntax;

namespace Wit.Core.Witx.Semantics;

/// <summary>
/// Type expressions. A type is built after the types it contains, with an explicit stack of open forms (the parser
/// bounds nesting, but not tightly enough to trust the .NET stack with it), and gets its layout as it is built. Only
/// the outermost type of a <c>typename</c> may be a record, enum, flags, union or handle: the witx crate insists that
/// structured types be named, for bindings.
/// </summary>
internal sealed partial class WitxBinder
{
    private sealed class TypeFrame
    {
        public TypeFrame(SyntaxNode node, bool named)
        {
            Node = node;
            Named = named;
        }

        public SyntaxNode Node { get; }

        public bool Named { get; }

        /// <summary>The contained type expressions to resolve, in order (null where one is absent).</summary>
        public List<SyntaxElement?> Plan { get; } = new();

        public List<WitxTypeRef?> Results { get; } = new();

        /// <summary>The form's <c>(@witx tag ...)</c>, whose type is the plan's first entry when present.</summary>
        public SyntaxNode? TagNode { get; set; }

        /// <summary>Record fields or variant cases, in the order their types are in the plan.</summary>
        public List<WitxMemberSyntax> MemberSyntax { get; } = new();

        public int Next { get; set; }
    }

    private WitxTypeRef ResolveType(SyntaxTree tree, SyntaxElement element, bool named)
    {
        if (!NeedsFrame(element)) return ResolveLeaf(tree, element, named);
        var stack = new Stack<TypeFrame>();
        stack.Push(Plan(tree, element.AsNode()!, named));
        while (true)
        {
            var frame = stack.Peek();
            if (frame.Next < frame.Plan.Count)
            {
                var child = frame.Plan[frame.Next++];
                if (child is not { } item) frame.Results.Add(null);
                else if (NeedsFrame(item)) stack.Push(Plan(tree, item.AsNode()!, named: false));
                else frame.Results.Add(ResolveLeaf(tree, item, named: false));
                continue;
            }

            stack.Pop();
            var result = Finish(tree, frame);
            if (stack.Count == 0) return result;
            stack.Peek().Results.Add(result);
        }
    }

    private static bool NeedsFrame(SyntaxElement element) => element.Kind is SyntaxKind.WitxRecord or SyntaxKind.WitxVariant or SyntaxKind.WitxUnion
        or SyntaxKind.WitxListType or SyntaxKind.WitxTuple or SyntaxKind.WitxExpected or SyntaxKind.WitxPointer or SyntaxKind.WitxConstPointer;

    /// <summary>Keywords, names, <c>(@witx usize)</c>, enums, flags and handles: types that contain no type expression.</summary>
    private WitxTypeRef ResolveLeaf(SyntaxTree tree, SyntaxElement element, bool named)
    {
        var location = new SourceLocation(tree.Text, element.Span);
        if (element.IsToken)
        {
            var token = element.AsToken();
            if (token.Kind == SyntaxKind.WitxIdentifierToken) return ResolveName(tree, token);
            if (token.Kind == SyntaxKind.WitxKeywordToken)
            {
                if (WitxNames.TryGetBuiltin(token.Text, out var builtin)) return Value(BuiltinType(builtin, location));
                if (token.Text == "string") return Value(StringType(location));
                if (token.Text == "bool") return Value(BoolType(location));
            }

            Report(WitxDiagnostics.ExpectedType(WitxSyntaxFacts.DescribeFound(token.Green)), tree.Text, token.Span);
            return ErrorRef(location);
        }

        var node = element.AsNode()!;
        switch (node.Kind)
        {
            case SyntaxKind.WitxBuiltin:
                ExpectNoItems(tree, node);
                string word = node.ChildTokens().Skip(2).FirstOrDefault().Text;
                return Value(BuiltinType(word == "usize" ? WitxBuiltinType.Usize : WitxBuiltinType.Char8, location));
            case SyntaxKind.WitxEnum:
                CheckNamed(tree, node, named);
                return Value(EnumType(tree, node, location));
            case SyntaxKind.WitxFlags:
                CheckNamed(tree, node, named);
                return Value(FlagsType(tree, node, location));
            case SyntaxKind.WitxHandle:
                CheckNamed(tree, node, named);
                ExpectNoItems(tree, node);
                return Value(new WitxType(WitxTypeKind.Handle, WitxTypeForm.Handle, location) { Layout = WitxLayoutRules.Handle });
            default:
                Report(WitxDiagnostics.ExpectedTypeFoundForm(HeadText(node)), tree.Text, HeadSpan(node));
                return ErrorRef(location);
        }
    }

    /// <summary>A reference to a typename, which must already be defined and must not be the one being defined.</summary>
    private WitxTypeRef ResolveName(SyntaxTree tree, SyntaxToken token)
    {
        var location = new SourceLocation(tree.Text, token.Span);
        string name = token.Text.Substring(1);
        if (!_scope.TryGetValue(name, out var entry))
        {
            Report(WitxDiagnostics.UnknownName(name), tree.Text, token.Span);
            return ErrorRef(location);
        }

        if (entry.Module is not null)
        {
            Report(WitxDiagnostics.ModuleUsedAsType(name), tree.Text, token.Span,
                new[] { new RelatedLocation(entry.Location.Document, entry.Location.Span, "the module is defined here") });
            return ErrorRef(location);
        }

        if (entry.Typename is not { } typename)
        {
            Report(WitxDiagnostics.RecursiveDefinition(name), tree.Text, token.Span);
            return ErrorRef(location);
        }

        return new WitxTypeRef(typename, typename.Type, location);
    }

    private TypeFrame Plan(SyntaxTree tree, SyntaxNode node, bool named)
    {
        var frame = new TypeFrame(node, named);
        var items = WitxSyntaxNavigation.Items(node).ToList();
        switch (node.Kind)
        {
            case SyntaxKind.WitxRecord:
                foreach (var item in items)
                {
                    if (item.AsNode() is { Kind: SyntaxKind.WitxField } field) AddMember(frame, field);
                    else ReportStray(tree, item, WitxDiagnostics.ExpectedRecordField(Describe(item)));
                }

                break;
            case SyntaxKind.WitxVariant:
            case SyntaxKind.WitxUnion:
                int first = 0;
                if (items.Count > 0 && items[0].Kind == SyntaxKind.WitxTag)
                {
                    frame.TagNode = items[0].AsNode();
                    frame.Plan.Add(WitxSyntaxNavigation.ItemAt(frame.TagNode!, 0));
                    first = 1;
                }

                for (int i = first; i < items.Count; i++)
                {
                    if (node.Kind == SyntaxKind.WitxUnion) frame.Plan.Add(items[i]);
                    else if (items[i].AsNode() is { Kind: SyntaxKind.WitxCase } @case) AddMember(frame, @case);
                    else ReportStray(tree, items[i], WitxDiagnostics.ExpectedVariantCase(Describe(items[i])));
                }

                break;
            case SyntaxKind.WitxExpected:
                SyntaxElement? ok = null, err = null;
                foreach (var item in items)
                {
                    if (item.Kind == SyntaxKind.WitxError) err = WitxSyntaxNavigation.ItemAt(item.AsNode()!, 0);
                    else if (ok is null && err is null) ok = item;
                    else ReportStray(tree, item, WitxDiagnostics.ExpectedErrorForm(Describe(item)));
                }

                frame.Plan.Add(ok);
                frame.Plan.Add(err);
                break;
            case SyntaxKind.WitxTuple:
                foreach (var item in items) frame.Plan.Add(item);
                break;
            default:
                frame.Plan.Add(items.Count > 0 ? items[0] : null);
                break;
        }

        return frame;
    }

    private void ReportStray(SyntaxTree tree, SyntaxElement item, DiagnosticMessage message) =>
        Report(message, tree.Text, item.IsNode ? HeadSpan(item.AsNode()!) : item.Span);

    private static void AddMember(TypeFrame frame, SyntaxNode member)
    {
        var syntax = WitxMemberSyntax.Cast(member)!;
        frame.MemberSyntax.Add(syntax);
        frame.Plan.Add(syntax.Type);
    }

    private WitxTypeRef Finish(SyntaxTree tree, TypeFrame frame)
    {
        var node = frame.Node;
        var location = new SourceLocation(tree.Text, node.Span);
        WitxType type;
        switch (node.Kind)
        {
            case SyntaxKind.WitxRecord:
                CheckNamed(tree, node, frame.Named);
                type = RecordType(tree, frame, location);
                break;
            case SyntaxKind.WitxVariant:
                type = VariantType(tree, frame, location);
                break;
            case SyntaxKind.WitxUnion:
                CheckNamed(tree, node, frame.Named);
                type = UnionType(tree, frame, location);
                break;
            case SyntaxKind.WitxTuple:
                var elements = new List<WitxMember>();
                for (int i = 0; i < frame.Results.Count; i++) elements.Add(new WitxMember(i.ToString(CultureInfo.InvariantCulture), frame.Results[i], null, null));
                if (elements.Count == 0) Report(WitxDiagnostics.TupleHasNoElements(), tree.Text, HeadSpan(node));
                type = new WitxType(WitxTypeKind.Record, WitxTypeForm.Tuple, location) { RecordKind = WitxRecordKind.Tuple, Members = elements };
                type.Layout = WitxLayoutRules.Record(elements.Select(e => e.Type!.Type.Layout).ToList());
                break;
            case SyntaxKind.WitxExpected:
                type = new WitxType(WitxTypeKind.Variant, WitxTypeForm.Expected, location)
                {
                    Repr = WitxIntRepr.U32,
                    Members = new[] { new WitxMember("ok", frame.Results[0], null, null), new WitxMember("err", frame.Results[1], null, null) },
                };
                type.Layout = WitxLayoutRules.Variant(WitxIntRepr.U32, new[] { frame.Results[0]?.Type.Layout, frame.Results[1]?.Type.Layout });
                break;
            default:
                var (kind, form, layout) = node.Kind switch
                {
                    SyntaxKind.WitxListType => (WitxTypeKind.List, WitxTypeForm.List, WitxLayoutRules.List),
                    SyntaxKind.WitxPointer => (WitxTypeKind.Pointer, WitxTypeForm.Pointer, WitxLayoutRules.Pointer),
                    _ => (WitxTypeKind.ConstPointer, WitxTypeForm.ConstPointer, WitxLayoutRules.Pointer),
                };
                if (WitxSyntaxNavigation.ItemAt(node, 1) is { } extra) Report(WitxDiagnostics.ExpectedCloseParen(Describe(extra)), tree.Text, extra.Span);
                type = new WitxType(kind, form, location) { Element = frame.Results[0] ?? ErrorRef(location), Layout = layout };
                break;
        }

        CheckSize(tree, node, type);
        return Value(type);
    }

    private WitxType RecordType(SyntaxTree tree, TypeFrame frame, SourceLocation location)
    {
        var names = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        var members = new List<WitxMember>();
        for (int i = 0; i < frame.MemberSyntax.Count; i++)
        {
            var syntax = frame.MemberSyntax[i];
            if (syntax.Name is not { } nameToken) continue;
            var memberLocation = new SourceLocation(tree.Text, nameToken.Span);
            string name = nameToken.Text.Substring(1);
            if (!IntroduceLocal(names, name, memberLocation)) continue;
            members.Add(new WitxMember(name, frame.Results[i] ?? ErrorRef(memberLocation), syntax.Documentation, memberLocation));
        }

        if (members.Count == 0) Report(WitxDiagnostics.RecordHasNoFields(), tree.Text, HeadSpan(frame.Node));
        var type = new WitxType(WitxTypeKind.Record, WitxTypeForm.Record, location) { RecordKind = WitxRecordKind.Other, Members = members };
        type.Layout = WitxLayoutRules.Record(members.Select(f => f.Type!.Type.Layout).ToList());
        return type;
    }

    private WitxType VariantType(SyntaxTree tree, TypeFrame frame, SourceLocation location)
    {
        var node = frame.Node;
        var (repr, tagNames, tag) = Tag(tree, frame);
        var cases = new List<WitxMember>();
        var seen = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        int offset = frame.TagNode is null ? 0 : 1;
        for (int m = 0; m < frame.MemberSyntax.Count; m++)
        {
            var syntax = frame.MemberSyntax[m];
            if (syntax.Name is not { } nameToken) continue;
            var caseLocation = new SourceLocation(tree.Text, nameToken.Span);
            string name = nameToken.Text.Substring(1);
            if (tagNames is not null && !tagNames.Contains(name))
            {
                Report(WitxDiagnostics.CaseNotInTag(name, tag?.Name?.Name), tree.Text, nameToken.Span);
                continue;
            }

            if (!IntroduceLocal(seen, name, caseLocation)) continue;
            cases.Add(new WitxMember(name, frame.Results[offset + m], syntax.Documentation, caseLocation));
        }

        if (frame.MemberSyntax.Count == 0) Report(WitxDiagnostics.VariantHasNoCases(), tree.Text, HeadSpan(node));
        else if (tagNames is not null && tagNames.Count != frame.MemberSyntax.Count)
        {
            Report(WitxDiagnostics.CaseCountDiffersFromTag(tagNames.Count, frame.MemberSyntax.Count), tree.Text, HeadSpan(node));
        }

        // A tag enum orders the cases: the variant's case i is the enum's case i, whatever order they are written in.
        if (tagNames is not null) cases = cases.OrderBy(c => tagNames.IndexOf(c.Name)).ToList();
        else CheckCaseCount(tree, frame, repr, cases.Count);
        return VariantOf(WitxTypeForm.Variant, repr, cases, tag, location);
    }

    private WitxType UnionType(SyntaxTree tree, TypeFrame frame, SourceLocation location)
    {
        var (repr, tagNames, tag) = Tag(tree, frame);
        int offset = frame.TagNode is null ? 0 : 1;
        int count = frame.Plan.Count - offset;
        if (count == 0) Report(WitxDiagnostics.UnionHasNoCases(), tree.Text, HeadSpan(frame.Node));
        if (tagNames is not null && tagNames.Count != count)
        {
            Report(WitxDiagnostics.CaseCountDiffersFromTag(tagNames.Count, count), tree.Text, HeadSpan(frame.Node));
        }

        var cases = new List<WitxMember>();
        for (int i = 0; i < count; i++)
        {
            string name = tagNames is null ? i.ToString(CultureInfo.InvariantCulture) : i < tagNames.Count ? tagNames[i] : null!;
            if (name is null) break;
            cases.Add(new WitxMember(name, frame.Results[offset + i], null, frame.Results[offset + i]?.Location));
        }

        if (tagNames is null) CheckCaseCount(tree, frame, repr, cases.Count);
        return VariantOf(WitxTypeForm.Union, repr, cases, tag, location);
    }

    /// <summary>
    /// A variant's or union's tag: an enum-like variant (whose cases name and order the cases), an unsigned integer,
    /// or, without <c>(@witx tag ...)</c>, a <c>u32</c>.
    /// </summary>
    private (WitxIntRepr Repr, List<string>? Names, WitxTypeRef? Tag) Tag(SyntaxTree tree, TypeFrame frame)
    {
        if (frame.TagNode is null) return (WitxIntRepr.U32, null, null);
        if (frame.Results[0] is not { } tag)
        {
            Report(WitxDiagnostics.TagWithoutType(), tree.Text, HeadSpan(frame.TagNode));
            return (WitxIntRepr.U32, null, null);
        }

        var type = tag.Type;
        switch (type.Kind)
        {
            case WitxTypeKind.Error:
                return (WitxIntRepr.U32, null, null);
            case WitxTypeKind.Variant:
                if (!type.IsEnumLike)
                {
                    Report(WitxDiagnostics.TagWithPayloads(), tree.Text, tag.Location!.Span);
                    return (type.Repr, null, null);
                }

                return (type.Repr, type.Members.Select(m => m.Name).ToList(), tag);
            case WitxTypeKind.Builtin when IntRepr(type.Builtin) is { } repr:
                return (repr, null, tag);
        }

        Report(WitxDiagnostics.TagOfWrongKind(tag.Name?.Name, type.KindName), tree.Text, tag.Location!.Span);
        return (WitxIntRepr.U32, null, null);
    }

    private WitxType EnumType(SyntaxTree tree, SyntaxNode node, SourceLocation location)
    {
        var repr = WitxIntRepr.U32;
        var cases = new List<WitxMember>();
        var names = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        foreach (var item in WitxSyntaxNavigation.Items(node))
        {
            if (item.Kind == SyntaxKind.WitxTag && cases.Count == 0) repr = ReprOf(tree, item.AsNode()!);
            else if (item.Kind == SyntaxKind.WitxIdentifierToken) AddNamed(tree, item.AsToken(), names, cases);
            else Report(WitxDiagnostics.ExpectedEnumCase(Describe(item)), tree.Text, item.IsNode ? HeadSpan(item.AsNode()!) : item.Span);
        }

        if (cases.Count == 0) Report(WitxDiagnostics.EnumHasNoCases(), tree.Text, HeadSpan(node));
        if ((ulong)cases.Count > MaxCases(repr))
        {
            Report(WitxDiagnostics.CasesDoNotFitTag(cases.Count, WitxNames.Repr(repr)), tree.Text, HeadSpan(node));
        }

        return VariantOf(WitxTypeForm.Enum, repr, cases, null, location);
    }

    private WitxType FlagsType(SyntaxTree tree, SyntaxNode node, SourceLocation location)
    {
        var repr = WitxIntRepr.U32;
        var flags = new List<WitxMember>();
        var names = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        foreach (var item in WitxSyntaxNavigation.Items(node))
        {
            if (item.Kind == SyntaxKind.WitxRepr && flags.Count == 0) repr = ReprOf(tree, item.AsNode()!);
            else if (item.Kind == SyntaxKind.WitxIdentifierToken) AddNamed(tree, item.AsToken(), names, flags);
            else Report(WitxDiagnostics.ExpectedFlag(Describe(item)), tree.Text, item.IsNode ? HeadSpan(item.AsNode()!) : item.Span);
        }

        int bits = WitxNames.ReprSize(repr) * 8;
        if (flags.Count > bits)
        {
            Report(WitxDiagnostics.FlagsDoNotFitRepresentation(flags.Count, WitxNames.Repr(repr), bits), tree.Text, HeadSpan(node));
        }

        // Each flag is a bool field of a bitflags record, as the crate models flags.
        var members = flags.Select(f => new WitxMember(f.Name, Value(BoolType(null)), f.Docs, f.Location)).ToList();
        return new WitxType(WitxTypeKind.Record, WitxTypeForm.Flags, location)
        {
            RecordKind = WitxRecordKind.Bitflags,
            Repr = repr,
            Members = members,
            Layout = WitxLayoutRules.Int(repr),
        };
    }

    private void AddNamed(SyntaxTree tree, SyntaxToken token, Dictionary<string, SourceLocation> names, List<WitxMember> members)
    {
        var location = new SourceLocation(tree.Text, token.Span);
        string name = token.Text.Substring(1);
        if (IntroduceLocal(names, name, location)) members.Add(new WitxMember(name, null, DocsOf(token), location));
    }

    /// <summary>The integer of <c>(@witx tag u16)</c> or <c>(@witx repr u16)</c>; <c>u32</c> after a reported error.</summary>
    private WitxIntRepr ReprOf(SyntaxTree tree, SyntaxNode annotation)
    {
        var item = WitxSyntaxNavigation.ItemAt(annotation, 0);
        if (item is { IsToken: true } && item.Value.Kind == SyntaxKind.WitxKeywordToken && WitxNames.TryGetBuiltin(item.Value.AsToken().Text, out var builtin)
            && IntRepr(builtin) is { } repr)
        {
            return repr;
        }

        if (item?.AsNode() is { Kind: SyntaxKind.WitxBuiltin } node)
        {
            return node.ChildTokens().Skip(2).FirstOrDefault().Text == "usize" ? WitxIntRepr.U32 : WitxIntRepr.U8;
        }

        string found = item is { } some ? (some.IsToken ? some.AsToken().Text : some.ToString()) : "nothing";
        Report(WitxDiagnostics.InvalidRepresentation(found), tree.Text,
            item?.Span ?? HeadSpan(annotation));
        return WitxIntRepr.U32;
    }

    private static WitxIntRepr? IntRepr(WitxBuiltinType builtin) => builtin switch
    {
        WitxBuiltinType.U8 or WitxBuiltinType.Char8 => WitxIntRepr.U8,
        WitxBuiltinType.U16 => WitxIntRepr.U16,
        WitxBuiltinType.U32 or WitxBuiltinType.Usize => WitxIntRepr.U32,
        WitxBuiltinType.U64 => WitxIntRepr.U64,
        _ => null,
    };

    private static ulong MaxCases(WitxIntRepr repr) => repr == WitxIntRepr.U64 ? ulong.MaxValue : 1UL << (WitxNames.ReprSize(repr) * 8);

    private void CheckCaseCount(SyntaxTree tree, TypeFrame frame, WitxIntRepr repr, int count)
    {
        if ((ulong)count <= MaxCases(repr)) return;
        Report(WitxDiagnostics.CasesDoNotFitTag(count, WitxNames.Repr(repr)), tree.Text, HeadSpan(frame.Node));
    }

    private void CheckNamed(SyntaxTree tree, SyntaxNode node, bool named)
    {
        if (named) return;
        Report(WitxDiagnostics.AnonymousStructuredType(), tree.Text, HeadSpan(node));
    }

    /// <summary>
    /// Reports a type too large for a 32-bit memory, once: at the innermost type that is too large while what it
    /// contains is not.
    /// </summary>
    private void CheckSize(SyntaxTree tree, SyntaxNode node, WitxType type)
    {
        if (type.Layout.Size <= WitxLayoutRules.MaxSize32) return;
        foreach (var member in type.Members)
        {
            if (member.Type is { } inner && inner.Type.Layout.Size > WitxLayoutRules.MaxSize32) return;
        }

        var message = type.Layout.Size >= WitxLayoutRules.Cap ? WitxDiagnostics.TypeTooLargeToCount() : WitxDiagnostics.TypeTooLarge(type.Layout.Size);
        Report(message, tree.Text, HeadSpan(node));
    }

    private void ExpectNoItems(SyntaxTree tree, SyntaxNode node)
    {
        if (WitxSyntaxNavigation.ItemAt(node, 0) is { } extra) Report(WitxDiagnostics.ExpectedCloseParen(Describe(extra)), tree.Text, extra.Span);
    }

    private static WitxType VariantOf(WitxTypeForm form, WitxIntRepr repr, List<WitxMember> cases, WitxTypeRef? tag, SourceLocation? location) =>
        new(WitxTypeKind.Variant, form, location)
        {
            Repr = repr,
            Members = cases,
            Tag = tag,
            Layout = WitxLayoutRules.Variant(repr, cases.Select(c => c.Type?.Type.Layout).ToList()),
        };

    private static WitxType BuiltinType(WitxBuiltinType builtin, SourceLocation? location) =>
        new(WitxTypeKind.Builtin, WitxTypeForm.Builtin, location) { Builtin = builtin, Layout = WitxLayoutRules.Builtin(builtin) };

    /// <summary><c>string</c> is a list of <c>char</c>.</summary>
    private static WitxType StringType(SourceLocation? location) =>
        new(WitxTypeKind.List, WitxTypeForm.String, location) { Element = Value(BuiltinType(WitxBuiltinType.Char, null)), Layout = WitxLayoutRules.List };

    /// <summary><c>bool</c> is a variant of <c>false</c> and <c>true</c> with a <c>u32</c> tag, as in the witx crate.</summary>
    private static WitxType BoolType(SourceLocation? location) =>
        VariantOf(WitxTypeForm.Bool, WitxIntRepr.U32, new List<WitxMember> { new("false", null, null, null), new("true", null, null, null) }, null, location);

    private static WitxTypeRef Value(WitxType type) => new(null, type, type.Location);

    private static WitxTypeRef ErrorRef(SourceLocation? location) =>
        new(null, new WitxType(WitxTypeKind.Error, WitxTypeForm.Error, location) { Layout = WitxLayoutRules.Error }, location);

    /// <summary>The <c>;;;</c> comments before a token (enum cases and flags are bare names), joined; null without any.</summary>
    private static string? DocsOf(SyntaxToken token)
    {
        StringBuilder? builder = null;
        foreach (var trivia in token.LeadingTrivia)
        {
            if (trivia.Kind != SyntaxKind.DocLineCommentTrivia) continue;
            string line = trivia.Text.Substring(3);
            if (line.StartsWith(" ", StringComparison.Ordinal)) line = line.Substring(1);
            if (builder is null) builder = new StringBuilder();
            else builder.Append('\n');
            builder.Append(line);
        }

        return builder?.ToString();
    }
}
