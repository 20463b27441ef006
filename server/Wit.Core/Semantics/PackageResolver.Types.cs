using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Wit.Core.Diagnostics;
using Wit.Core.Syntax;
using Wit.Core.Wit.Nodes;
using Wit.Core.Workspace;

namespace Wit.Core.Semantics;

/// <summary>Type expressions, anonymous types (deduplicated per package, as wit-parser does), and functions.</summary>
internal sealed partial class PackageResolver
{
    /// <summary>
    /// Where a type expression is used: names are looked up differently in definitions and functions. A struct passed
    /// by reference, with the item's location kept inline: one per definition and function was a twentieth of what
    /// resolving a large file allocated.
    /// </summary>
    private readonly struct TypeContext
    {
        public TypeContext(SourceFile file, TypeScope scope, bool inFunction, StoredLocation item, Stability stability)
        {
            File = file;
            Scope = scope;
            InFunction = inFunction;
            Item = item;
            Stability = stability;
        }

        public SourceFile File { get; }

        public TypeScope Scope { get; }

        public bool InFunction { get; }

        /// <summary>The item being resolved, where wit-parser points feature-gate errors.</summary>
        public StoredLocation Item { get; }

        /// <summary>
        /// The gate wit-parser gives the anonymous types made here: a type definition's own (those nested in
        /// <c>@unstable(feature = x) type t = list&lt;list&lt;u8&gt;&gt;</c> take its gate), none in a function.
        /// </summary>
        public Stability Stability { get; }
    }

    private void FillDefinition(TypeDefinition definition, MemberSyntax member, SourceFile file, TypeScope scope)
    {
        var context = new TypeContext(file, scope, inFunction: false, definition.StoredLocation, definition.Stability);
        if (member.Kind == SyntaxKind.Record)
        {
            // Read from the green tree (RecordSyntax.Fields and their accessors), without a red node for the record
            // or any field unless a field's docs need one.
            var fields = _memberBuffer;
            fields.Clear();
            foreach (var field in member.Cursor.ListItems(SyntaxKind.RecordFieldList, SyntaxKind.RecordField))
            {
                if (!field.Item.TryGetToken(SyntaxKind.IdentifierToken, out var fieldName, out int nameStart)) continue;
                var fieldType = field.Item.FirstType() is { } t ? ResolveType(t, in context) : null;
                var docs = Docs.TrySourceOfInList(field, out var inList) ? inList : Docs.SourceOf(field.ToRed(member.Red));
                fields.Add(new NamedType(Names.Unescape(fieldName.Text), fieldType, docs, file.Tree.Text, new Text.TextSpan(nameStart, fieldName.Width)));
            }

            definition.Members = fields.ToArray();
            CheckDistinctMembers(definition.Members, ResolveDiagnostics.FieldNameConflict);
            return;
        }

        switch (member.View)
        {
            case TypeAliasSyntax alias:
                // `type a = b;` and `type a = u32;` are aliases; `type a = list<u8>;` names the list itself, as in
                // wit-parser, so the definition takes the constructed type's kind.
                var target = ResolveType(alias.Type, context, aliasTarget: true, into: definition);
                if (target is null) definition.Kind = TypeDefinitionKind.Error;
                else if (!ReferenceEquals(target.Value.Definition, definition)) definition.Element = target;
                break;
            case FlagsSyntax flags:
                var members = new List<NamedType>();
                foreach (var flag in flags.Members)
                {
                    if (flag.Name is { } memberName) members.Add(new NamedType(Names.Unescape(memberName.Text), null, Docs.SourceOf(flag), file.Tree.Text, memberName.Span));
                }

                definition.Members = members.ToArray();
                // The component model's binary format (and so every toolchain) stops at 32 flags.
                if (definition.Members.Count > 32) Report(ResolveDiagnostics.TooManyFlags(), definition.Location);
                CheckDistinctMembers(definition.Members, ResolveDiagnostics.FlagNameConflict);
                break;
            case VariantSyntax variant:
                // wit-parser refuses a variant or enum without cases when it resolves the type (not when it parses).
                if (IsEmptyCaseList(variant.Syntax, SyntaxKind.VariantCaseList)) Report(SyntaxDiagnostics.EmptyVariant(), definition.Location);
                var cases = new List<NamedType>();
                foreach (var @case in variant.Cases)
                {
                    if (@case.Name is not { } caseName) continue;
                    var payload = @case.Payload;
                    cases.Add(new NamedType(Names.Unescape(caseName.Text), payload is null ? null : ResolveType(payload, context), Docs.SourceOf(@case), file.Tree.Text, caseName.Span));
                }

                definition.Members = cases.ToArray();
                CheckDistinctMembers(definition.Members, ResolveDiagnostics.CaseNameConflict);
                break;
            case EnumSyntax @enum:
                if (IsEmptyCaseList(@enum.Syntax, SyntaxKind.EnumCaseList)) Report(SyntaxDiagnostics.EmptyEnum(), definition.Location);
                var enumCases = new List<NamedType>();
                foreach (var @case in @enum.Cases)
                {
                    if (@case.Name is { } caseName) enumCases.Add(new NamedType(Names.Unescape(caseName.Text), null, Docs.SourceOf(@case), file.Tree.Text, caseName.Span));
                }

                definition.Members = enumCases.ToArray();
                CheckDistinctMembers(definition.Members, ResolveDiagnostics.EnumTagConflict);
                break;
        }
    }

    /// <summary>A complete <c>{ }</c> without cases (a list left unclosed is a syntax error already).</summary>
    private static bool IsEmptyCaseList(SyntaxNode item, SyntaxKind listKind)
    {
        foreach (var child in item.ChildNodes())
        {
            if (child.Kind != listKind) continue;
            var tokens = child.ChildTokens().ToList();
            return child.ChildNodes().FirstOrDefault() is null && tokens.Count == 2 && !tokens[0].IsMissing && !tokens[1].IsMissing;
        }

        return false;
    }

    private static readonly Dictionary<string, PrimitiveType> Primitives = new()
    {
        ["bool"] = PrimitiveType.Bool, ["u8"] = PrimitiveType.U8, ["u16"] = PrimitiveType.U16, ["u32"] = PrimitiveType.U32,
        ["u64"] = PrimitiveType.U64, ["s8"] = PrimitiveType.S8, ["s16"] = PrimitiveType.S16, ["s32"] = PrimitiveType.S32,
        ["s64"] = PrimitiveType.S64, ["f32"] = PrimitiveType.F32, ["f64"] = PrimitiveType.F64, ["char"] = PrimitiveType.Char,
        ["string"] = PrimitiveType.String,
    };

    /// <summary>
    /// Resolves a type expression; null when it cannot be (the reason is reported). A name that refers to a resource
    /// means an owned handle, except as the target of an alias (<c>type t = r;</c> makes <c>t</c> another name for
    /// the resource).
    /// </summary>
    private WitType? ResolveType(TypeSyntax? type, in TypeContext context, bool aliasTarget = false, TypeDefinition? into = null) =>
        type is null ? null : ResolveType(new GreenCursor(type.Syntax.Green, type.Syntax.Position), context, aliasTarget, into);

    /// <summary>
    /// <see cref="ResolveType(TypeSyntax?, TypeContext, bool, TypeDefinition?)"/> over the green node: no red node, typed
    /// view or iterator per type argument. Its depth is the type's nesting, which the parser bounds
    /// (<c>WitParser.MaxNesting</c>).
    /// </summary>
    private WitType? ResolveType(GreenCursor type, in TypeContext context, bool aliasTarget = false, TypeDefinition? into = null)
    {
        switch (type.Kind)
        {
            case SyntaxKind.PrimitiveType:
                return type.Node.FirstToken() is { } head && Primitives.TryGetValue(head.Text, out var primitive) ? WitType.Of(primitive) : null;
            case SyntaxKind.ErrorContextType:
                return WitType.Of(PrimitiveType.ErrorContext);
            case SyntaxKind.NamedType:
                if (LookupType(type, context) is not { } definition) return null;
                if (!aliasTarget && IsResource(definition)) return WitType.Of(OwnHandle(definition));
                return WitType.Of(definition);
            case SyntaxKind.BorrowType:
            case SyntaxKind.OwnType:
                if (type.FirstType() is not { } target || LookupType(target, context) is not { } resource) return null;
                if (!IsResource(resource))
                {
                    target.TryGetName(out var targetName, out int targetStart);
                    var at = new SourceLocation(context.File.Tree.Text, new Text.TextSpan(targetStart, targetName.Width));
                    var original = resource.Unaliased();
                    if (original.Kind == TypeDefinitionKind.Error)
                    {
                        // A name that was not found is reported as such; wit-parser skips what it cannot map.
                    }
                    else if (resource.FromUse && original.Owner.Interface?.Package is { } owner && !ReferenceEquals(owner, _package))
                    {
                        // A type of another package is checked once linked to it, with a message without the name.
                        ReportAtLink(ResolveDiagnostics.HandleOfUsedNonResource(), at, DiagnosticOrder.LinkForeignType);
                    }
                    else
                    {
                        Report(ResolveDiagnostics.HandleOfNonResource(resource.Name ?? ""), at);
                    }

                    return null;
                }

                var kind = type.Kind == SyntaxKind.BorrowType ? HandleKind.Borrow : HandleKind.Own;
                if (kind == HandleKind.Own && into is null) return WitType.Of(OwnHandle(resource));
                return Construct(TypeShape.HandleOf(kind, resource), into, context, type);
        }

        // Every argument is resolved (and its problems reported) even after one fails. The first two are kept in
        // locals; only a tuple collects its elements (a list per list<T> or result<T, E> was a tenth of resolving).
        WitType first = default, second = default;
        var elements = type.Kind == SyntaxKind.TupleType ? new List<WitType>() : null;
        int count = 0;
        bool failed = false;
        int offset = type.Position;
        for (int i = 0; i < type.Node.SlotCount; i++)
        {
            var slot = type.Node.GetSlot(i);
            if (slot is GreenNode argument && GreenCursor.IsType(argument.Kind))
            {
                if (ResolveType(new GreenCursor(argument, offset), context) is { } resolved)
                {
                    if (count == 0) first = resolved;
                    else if (count == 1) second = resolved;
                    elements?.Add(resolved);
                    count++;
                }
                else
                {
                    failed = true;
                }
            }

            offset += slot.FullWidth;
        }

        if (failed) return null;
        switch (type.Kind)
        {
            case SyntaxKind.ListType when count == 1:
                if (type.TryGetToken(SyntaxKind.IntegerToken, out var length, out int lengthStart))
                {
                    uint n = uint.TryParse(length.Text, NumberStyles.None, CultureInfo.InvariantCulture, out uint parsed) ? parsed : 0;
                    if (n == 0)
                    {
                        Report(ResolveDiagnostics.EmptyFixedLengthList(), new SourceLocation(context.File.Tree.Text, new Text.TextSpan(lengthStart, length.Width)));
                        return null;
                    }

                    return Construct(TypeShape.Of(TypeDefinitionKind.FixedSizeList, first, number: n), into, context, type);
                }

                return Construct(TypeShape.Of(TypeDefinitionKind.List, first), into, context, type);
            case SyntaxKind.OptionType when count == 1:
                return Construct(TypeShape.Of(TypeDefinitionKind.Option, first), into, context, type);
            case SyntaxKind.ResultType:
                WitType? ok = null, err = null;

                // `result<_, E>`: E, or (with no argument at all) the default type, as the first of an empty list was.
                if (type.TryGetToken(SyntaxKind.UnderscoreKeyword, out _, out _)) err = first;
                else
                {
                    if (count > 0) ok = first;
                    if (count > 1) err = second;
                }

                return Construct(TypeShape.Of(TypeDefinitionKind.Result, ok, err), into, context, type);
            case SyntaxKind.TupleType:
                return Construct(TypeShape.TupleOf(elements!), into, context, type);
            case SyntaxKind.MapType when count == 2:
                if (!IsValidMapKey(first))
                {
                    Report(ResolveDiagnostics.InvalidMapKey(), new SourceLocation(context.File.Tree.Text, type.Span));
                    return null;
                }

                return Construct(TypeShape.Of(TypeDefinitionKind.Map, first, second), into, context, type);
            case SyntaxKind.FutureType:
                return Construct(TypeShape.Of(TypeDefinitionKind.Future, count > 0 ? first : null), into, context, type);
            case SyntaxKind.StreamType:
                return Construct(TypeShape.Of(TypeDefinitionKind.Stream, count > 0 ? first : null), into, context, type);
        }

        return null;
    }

    private static bool IsValidMapKey(WitType key) =>
        key.IsPrimitive && key.Primitive is not (PrimitiveType.F32 or PrimitiveType.F64 or PrimitiveType.ErrorContext);

    /// <summary>
    /// The definition a named type refers to, recorded as a reference; the location is made only for a report (a
    /// reference keeps its document and span inline).
    /// </summary>
    private TypeDefinition? LookupType(GreenCursor named, in TypeContext context)
    {
        if (!named.TryGetName(out var nameToken, out int start)) return null;
        string name = Names.Unescape(nameToken.Text);
        var span = new Text.TextSpan(start, nameToken.Width);
        if (context.Scope.TryGetType(name, out var definition))
        {
            _resolver.Model.References.Add(new SymbolReference(context.File.Tree.Text, span, definition));
            return definition;
        }

        var location = new SourceLocation(context.File.Tree.Text, span);
        if (context.Scope.ExcludedTypes.Contains(name))
            ReportAtLink(ResolveDiagnostics.ExcludedByFeature("type"), context.Item.Value ?? location);
        else if (context.InFunction && context.Scope.IsFunction(name))
            Report(ResolveDiagnostics.FunctionUsedAsType(name), location);
        else if (context.InFunction)
            Report(ResolveDiagnostics.NameDoesNotExist(name), location);
        else
            Report(UnknownTypeMessage(name), location);
        return null;
    }

    /// <summary>wit-parser's message for an unknown name in a type definition, with its hint for the old float names.</summary>
    private static DiagnosticMessage UnknownTypeMessage(string name)
    {
        string? renamed = name switch { "float32" => "f32", "float64" => "f64", _ => null };
        return renamed is null ? ResolveDiagnostics.TypeDoesNotExist(name) : ResolveDiagnostics.RenamedTypeDoesNotExist(name, renamed);
    }

    /// <summary>True for a resource or an alias chain ending at one.</summary>
    private static bool IsResource(TypeDefinition definition) => definition.IsResourceOrAlias;

    private TypeDefinition OwnHandle(TypeDefinition resource)
    {
        if (_ownHandles.TryGetValue(resource, out var handle)) return handle;
        handle = new TypeDefinition(TypeDefinitionKind.Handle) { HandleKind = HandleKind.Own, Resource = resource };
        _resolver.AddType(handle);
        _ownHandles[resource] = handle;
        return handle;
    }

    /// <summary>
    /// A constructed type: filled into <paramref name="into"/> when a type definition names it, otherwise an
    /// anonymous definition shared by every structurally equal use in the package.
    /// </summary>
    private WitType Construct(TypeShape shape, TypeDefinition? into, in TypeContext context, GreenCursor type)
    {
        if (into is null)
        {
            var anonymous = Anonymous(shape, context.Stability, out bool made);
            // Where a gated one is first written is read only from the resolution with every feature on (see
            // ReportReferencesToExcludedAnonymousTypes): a check's own resolution does not keep it.
            if (made && _resolver.Options.AllFeatures && !anonymous.Definition!.Stability.IsUnknown)
            {
                _gatedAnonymousAt[anonymous.Definition] = new StoredLocation(context.File.Tree.Text, type.Span);
            }
            return anonymous;
        }

        shape.Fill(into);
        return WitType.Of(into);
    }

    /// <summary>
    /// The package's anonymous type of <paramref name="shape"/>. A new one gets wit-parser's gate (its
    /// <c>find_stability</c>): <paramref name="stability"/> when known (the type definition it is made in), else the
    /// first known gate among its parts (an <c>option&lt;t&gt;</c> takes <c>t</c>'s). The first use of a shape decides
    /// for every later one, as upstream interns them.
    /// </summary>
    /// <param name="made">Whether this use made it.</param>
    private WitType Anonymous(TypeShape shape, Stability stability, out bool made)
    {
        uint hash = ShapeTable.Hash(shape);
        made = !_anonymousTypes.TryGetValue(shape, hash, out var definition);
        if (made)
        {
            definition = new TypeDefinition(shape.Kind) { Stability = stability.IsUnknown ? InheritedStability(shape) : stability };
            shape.Fill(definition);
            _resolver.AddType(definition);
            _anonymousTypes.Add(hash, definition);
        }

        return WitType.Of(definition);
    }

    /// <summary>The first known gate among a shape's parts, in wit-parser's order (a tuple's elements, a result's ok then err, a map's key then value).</summary>
    private static Stability InheritedStability(in TypeShape shape)
    {
        if (shape.Kind == TypeDefinitionKind.Handle) return shape.Resource?.Stability ?? Stability.Unknown;
        if (shape.Elements is { } elements)
        {
            foreach (var element in elements)
            {
                if (GateOf(element) is { } gate) return gate;
            }

            return Stability.Unknown;
        }

        return GateOf(shape.First) ?? GateOf(shape.Second) ?? Stability.Unknown;
    }

    /// <summary>
    /// A part's known gate: a named or anonymous type's own; an owned handle is its resource, as wit-parser sees a
    /// value use of a resource until it links the package.
    /// </summary>
    private static Stability? GateOf(WitType? type)
    {
        if (type?.Definition is not { } definition) return null;
        if (TypeArenaOrder.IsAnonymousOwnHandle(definition) && definition.Resource is { } resource) definition = resource;
        return definition.Stability.IsUnknown ? null : definition.Stability;
    }

    // ---- Functions ----------------------------------------------------------------------------------------------

    /// <summary>Freestanding functions and resource members of a body, in declaration order.</summary>
    /// <param name="into">
    /// An interface's map of functions, where each goes as it is built (the first of a name stays; a duplicate is
    /// reported where it is declared) instead of into the list returned, which is then empty.
    /// </param>
    private List<Function> ResolveFunctions(List<MemberSyntax> members, SourceFile file, TypeScope scope, NameMap<Function>? into = null)
    {
        var result = new List<Function>(into is null ? scope.FunctionCount : 0);
        void Add(Function function)
        {
            if (into is null) result.Add(function);
            else into.TryAdd(function.Name, function);
        }

        for (int m = 0; m < members.Count; m++)
        {
            var member = members[m];
            if (m + PrefetchDistance < members.Count) PrefetchName(members[m + PrefetchDistance], scope, into);

            // Only functions, resources and gated members (whose gates are read) matter here; a function is read from
            // its green node.
            var memberKind = member.Kind;
            bool attributed = member.HasAttribute;
            if (memberKind is not (SyntaxKind.FunctionItem or SyntaxKind.Resource) && !attributed) continue;
            bool excluded = attributed && member.View is { } gated && IsExcluded(gated);
            _functionPosition = member.Position;
            if (memberKind == SyntaxKind.FunctionItem && !excluded && member.Name is { } name && FunctionTypeOf(member.Cursor) is { } type)
            {
                string functionName = Names.Unescape(name.Text);
                NoteItemName(functionName);
                var location = new StoredLocation(file.Tree.Text, new Text.TextSpan(member.NameStart, name.Width));
                // wit-parser defines function names after every type: a function named as a type or as an earlier
                // function is the one reported, after every type, before its own signature is resolved. The earlier
                // function is the one in the interface's map (the first of a name stays there).
                if (scope.TryGetDeclared(functionName, member.NameHash, out var typeSpan))
                {
                    ReportDuplicate(ResolveDiagnostics.NameDefinedMoreThanOnce(functionName), location.Value, Location(file, typeSpan));
                }
                else if (into is not null && into.TryGetValue(functionName, member.NameHash, out var earlier))
                {
                    ReportDuplicate(ResolveDiagnostics.NameDefinedMoreThanOnce(functionName), location.Value, earlier.Location);
                }

                // As wit-parser, a function's name is known from its own declaration on: a type naming a function
                // declared later is a name that does not exist (yet).
                scope.DeclareFunction(functionName);
                var kind = type.TryGetToken(SyntaxKind.AsyncKeyword, out _, out _) ? FunctionKind.AsyncFreestanding : FunctionKind.Freestanding;
                Add(BuildFunction(functionName, kind, null, type, null, member, file, scope, location));
            }
            else if (memberKind == SyntaxKind.Resource && member.View is ResourceSyntax resource && resource.Name is { } resourceName)
            {
                string rname = Names.Unescape(resourceName.Text);
                scope.TryGetType(rname, out var definition);
                foreach (var function in ResolveResourceMembers(resource, rname, excluded ? null : definition, file, scope)) Add(function);
            }
        }

        return result;
    }

    /// <summary><c>FunctionItemSyntax.FunctionType</c> from the green tree: the first <c>FunctionType</c> child.</summary>
    private static GreenCursor? FunctionTypeOf(GreenCursor function)
    {
        int offset = function.Position;
        for (int i = 0; i < function.Node.SlotCount; i++)
        {
            var slot = function.Node.GetSlot(i);
            if (slot is GreenNode { Kind: SyntaxKind.FunctionType } type) return new GreenCursor(type, offset);
            offset += slot.FullWidth;
        }

        return null;
    }

    private IEnumerable<Function> ResolveResourceMembers(ResourceSyntax resource, string name, TypeDefinition? definition, SourceFile file, TypeScope scope)
    {
        var result = new List<Function>();
        var members = resource.Members.Where(member => !IsExcluded(member)).ToList();
        // wit-parser finds a resource's functions by name before it resolves any of them: a second constructor or a
        // name used twice is reported ahead of what is wrong inside the functions, and left out.
        var duplicates = definition is null ? null : CheckResourceFunctionNames(members, name, file);
        foreach (var member in members)
        {
            _functionPosition = member.Syntax.Position;
            if (duplicates is not null && duplicates.Contains(member.Syntax.Position)) continue;
            if (ResourceFunctionHead(member) is not { } headToken) continue;
            var location = Location(file, headToken);
            if (definition is null)
            {
                // Linking reads the member's own gate before it finds its resource left out.
                StabilityOf(member, location);
                ReportAtLink(ResolveDiagnostics.ExcludedByFeature("type"), location);
                continue;
            }

            switch (member)
            {
                case ResourceConstructorSyntax c:
                    result.Add(BuildFunction($"[constructor]{name}", FunctionKind.Constructor, definition, Cursor(c.Syntax), c.Result, new MemberSyntax(member), file, scope, new StoredLocation(location)));
                    break;
                case ResourceMethodSyntax m when m.FunctionType is { } type:
                    string method = Names.Unescape(headToken.Text);
                    result.Add(BuildFunction($"[method]{name}.{method}", type.IsAsync ? FunctionKind.AsyncMethod : FunctionKind.Method, definition, Cursor(type.Syntax), null, new MemberSyntax(member), file, scope, new StoredLocation(location)));
                    break;
                case ResourceStaticFunctionSyntax s when s.FunctionType is { } type:
                    string staticName = Names.Unescape(headToken.Text);
                    result.Add(BuildFunction($"[static]{name}.{staticName}", type.IsAsync ? FunctionKind.AsyncStatic : FunctionKind.Static, definition, Cursor(type.Syntax), null, new MemberSyntax(member), file, scope, new StoredLocation(location)));
                    break;
            }
        }

        return result;
    }

    /// <summary>The token a resource function is found by: <c>constructor</c>, or a method's or static function's name.</summary>
    private static SyntaxToken? ResourceFunctionHead(WitNode member) => member switch
    {
        ResourceConstructorSyntax c => c.Syntax.FirstToken() is { } t && t.Kind == SyntaxKind.ConstructorKeyword ? t : FirstTokenOfKind(c, SyntaxKind.ConstructorKeyword),
        ResourceMethodSyntax m => m.Name,
        ResourceStaticFunctionSyntax s => s.Name,
        _ => null,
    };

    /// <summary>
    /// Reports every constructor after a resource's first and every method or static function whose name an earlier
    /// one has (WIT1002), and returns the places of those members, or null when there are none; and the names a
    /// component takes for an earlier one's (WIT1019: <c>[method]r.a-b</c> and <c>[static]r.AB</c>).
    /// </summary>
    private HashSet<int>? CheckResourceFunctionNames(List<WitNode> members, string resource, SourceFile file)
    {
        HashSet<int>? duplicates = null;
        Dictionary<string, SourceLocation>? names = null;
        // Each distinct name by its component form, with its qualified name (`[static]r.f`).
        Dictionary<string, (string Name, SourceLocation Location)>? folded = null;
        SourceLocation? constructor = null;
        foreach (var member in members)
        {
            if (ResourceFunctionHead(member) is not { } head) continue;
            var location = Location(file, head);
            if (member is ResourceConstructorSyntax)
            {
                if (constructor is null)
                {
                    constructor = location;
                    continue;
                }

                ReportDuplicate(ResolveDiagnostics.DuplicateConstructors(), location, constructor);
            }
            else if (member is ResourceMethodSyntax { FunctionType: not null } or ResourceStaticFunctionSyntax { FunctionType: not null })
            {
                string name = Names.Unescape(head.Text);
                names ??= new Dictionary<string, SourceLocation>();
                if (names.TryAdd(name, location))
                {
                    string qualified = $"{(member is ResourceMethodSyntax ? "[method]" : "[static]")}{resource}.{name}";
                    string key = ComponentNameKey(name);
                    folded ??= new Dictionary<string, (string, SourceLocation)>(System.StringComparer.Ordinal);
                    if (folded.TryGetValue(key, out var earlier)) ReportAtValidation(ResolveDiagnostics.ResourceFunctionConflict(qualified, earlier.Name), location, earlier.Location);
                    else folded.Add(key, (qualified, location));
                    continue;
                }

                ReportDuplicate(ResolveDiagnostics.DuplicateFunctionName(name), location, names[name]);
            }
            else
            {
                continue;
            }

            (duplicates ??= new HashSet<int>()).Add(member.Syntax.Position);
        }

        return duplicates;
    }

    private static GreenCursor Cursor(SyntaxNode node) => new(node.Green, node.Position);

    private static SyntaxToken? FirstTokenOfKind(WitNode node, SyntaxKind kind)
    {
        foreach (var token in node.Syntax.ChildTokens())
        {
            if (token.Kind == kind) return token;
        }

        return null;
    }

    /// <param name="signature">The node that holds the <c>ParameterList</c> and <c>ResultList</c> (a function type, a constructor).</param>
    /// <param name="constructorResult">A constructor's result type (others are read from <paramref name="signature"/>'s green node).</param>
    /// <param name="syntax">The function's item or member (its docs and gate).</param>
    /// <param name="location">Where the function is named (kept inline: a location object is made only for a report).</param>
    private Function BuildFunction(string name, FunctionKind kind, TypeDefinition? resource, GreenCursor signature, TypeSyntax? constructorResult,
        MemberSyntax syntax, SourceFile file, TypeScope scope, StoredLocation location)
    {
        var context = new TypeContext(file, scope, inFunction: true, location, Stability.Unknown);
        var function = new Function(name, kind)
        {
            Resource = resource,
            DocsOrSource = syntax.Docs(),
            // Without attributes there is no gate to read (nor a view to make for one).
            Stability = syntax.HasAttribute ? StabilityOf(syntax.View!, location.Value) : Stability.Unknown,
            StoredLocation = location,
        };
        var list = _parameterBuffer;
        list.Clear();
        if (kind is FunctionKind.Method or FunctionKind.AsyncMethod && resource is not null)
        {
            // The implicit `self` handle takes the method's gate, as wit-parser synthesises it for the method.
            var self = Anonymous(TypeShape.HandleOf(HandleKind.Borrow, resource), function.Stability, out _);
            list.Add(new NamedType("self", self));
        }

        // The parameters so far by name (`self` included), made only for a long list: a short one is searched.
        Dictionary<string, NamedType>? byName = null;
        // Read from the green tree (FunctionTypeSyntax.Parameters and their accessors, without a red node each).
        foreach (var parameter in signature.ListItems(SyntaxKind.ParameterList, SyntaxKind.Parameter))
        {
            if (!parameter.Item.TryGetToken(SyntaxKind.IdentifierToken, out var parameterName, out int nameStart)) continue;
            string pname = Names.Unescape(parameterName.Text);
            var at = new Text.TextSpan(nameStart, parameterName.Width);
            // wit-parser meets a parameter's name before its type: a repeated name is reported first (its type is
            // still resolved, for what is wrong in it).
            var repeated = EarlierParameter(list, ref byName, pname);
            if (repeated is not null) ReportDuplicate(ResolveDiagnostics.ParamDefinedMoreThanOnce(pname), new SourceLocation(file.Tree.Text, at), repeated.Location);
            var type = parameter.Item.FirstType() is { } t ? ResolveType(t, in context) : null;
            if (repeated is not null) continue;
            var named = new NamedType(pname, type, null, file.Tree.Text, at);
            list.Add(named);
            byName?.Add(pname, named);
        }

        function.Parameters = list.ToArray();
        // Names that differ only in case and dashes are one name to a component (`self` included; the same name twice
        // was left out above).
        CheckDistinctMembers(function.Parameters, ResolveDiagnostics.ParameterNameConflict);
        if (kind == FunctionKind.Constructor && resource is not null)
        {
            function.Result = constructorResult is null ? WitType.Of(OwnHandle(resource)) : ResolveConstructorResult(constructorResult, resource, context);
        }
        else
        {
            function.Result = ResultOf(signature) is { } result ? ResolveType(result, context) : null;
        }

        if (kind != FunctionKind.Constructor && function.Result is { } resultType && ContainsBorrow(resultType))
        {
            ReportAtLink(ResolveDiagnostics.BorrowInResult(name), location.Value);
        }

        return function;
    }

    /// <summary><c>FunctionTypeSyntax.Result</c> from the green tree: the first type in a <c>ResultList</c> child.</summary>
    private static GreenCursor? ResultOf(GreenCursor signature)
    {
        var green = signature.Node;
        int offset = signature.Position;
        for (int i = 0; i < green.SlotCount; i++)
        {
            var slot = green.GetSlot(i);
            if (slot is GreenNode { Kind: SyntaxKind.ResultList } list && new GreenCursor(list, offset).FirstType() is { } type) return type;
            offset += slot.FullWidth;
        }

        return null;
    }

    /// <summary>
    /// The parameter of <paramref name="list"/> named <paramref name="name"/>, if any: a linear search while the list is
    /// short, then a dictionary made once (a function per line of a large file paid a dictionary each).
    /// </summary>
    private static NamedType? EarlierParameter(List<NamedType> list, ref Dictionary<string, NamedType>? byName, string name)
    {
        const int SearchedParameters = 8;
        if (byName is null && list.Count > SearchedParameters)
        {
            byName = new Dictionary<string, NamedType>();
            foreach (var named in list) byName.Add(named.Name, named);
        }

        if (byName is not null) return byName.TryGetValue(name, out var found) ? found : null;
        foreach (var named in list)
        {
            if (named.Name == name) return named;
        }

        return null;
    }

    /// <summary>A fallible constructor returns <c>result&lt;R&gt;</c> or <c>result&lt;R, E&gt;</c> where R is the resource itself.</summary>
    private WitType? ResolveConstructorResult(TypeSyntax result, TypeDefinition resource, in TypeContext context)
    {
        var resolved = ResolveType(result, context);
        if (resolved is not { } type) return null;
        var ok = result.Kind == SyntaxKind.ResultType && !result.HasOmittedOk ? result.Arguments.FirstOrDefault() : null;
        bool valid = type.Definition is { Kind: TypeDefinitionKind.Result } r && r.Ok?.Definition is { Kind: TypeDefinitionKind.Handle, HandleKind: HandleKind.Own } handle
            && ReferenceEquals(handle.Resource, resource);
        if (!valid)
        {
            if (type.Definition is not { Kind: TypeDefinitionKind.Result })
            {
                Report(ResolveDiagnostics.ConstructorResultNotResult(), new SourceLocation(context.File.Tree.Text, result.Span));
                return type;
            }

            var at = ok ?? result;
            Report(ResolveDiagnostics.ConstructorOkNotResource(), new SourceLocation(context.File.Tree.Text, at.Span));
        }

        return type;
    }

    /// <summary>
    /// Whether a type contains a borrowed handle anywhere (through definitions, without recursion). The walk's stack
    /// and set are the resolver's, cleared for each call: a function per line of a large file made two of each.
    /// </summary>
    private bool ContainsBorrow(WitType root)
    {
        if (root.Definition is null) return false;
        var stack = _borrowWalk;
        var seen = _borrowSeen;
        stack.Clear();
        seen.Clear();
        stack.Push(root);
        while (stack.Count > 0)
        {
            if (stack.Pop().Definition is not { } d || !seen.Add(d)) continue;
            if (d.Kind == TypeDefinitionKind.Handle && d.HandleKind == HandleKind.Borrow) return true;
            d.PushParts(stack);
        }

        return false;
    }

    /// <summary>
    /// The fields of the record being filled and the parameters of the function being built, gathered here and then
    /// copied into an array of the right size (a list per record and per function was a tenth of resolving's garbage).
    /// Neither is filled while the other is: resolving a type fills no record and builds no function.
    /// </summary>
    private readonly List<NamedType> _memberBuffer = new();

    private readonly List<NamedType> _parameterBuffer = new();

    private readonly Stack<WitType> _borrowWalk = new();

    private readonly HashSet<TypeDefinition> _borrowSeen = new();

    internal static IEnumerable<WitType> Children(TypeDefinition d)
    {
        if (d.Element is { } element) yield return element;
        if (d.Key is { } key) yield return key;
        if (d.Ok is { } ok) yield return ok;
        if (d.Err is { } err) yield return err;
        foreach (var e in d.Elements) yield return e;
        foreach (var m in d.Members)
        {
            if (m.Type is { } t) yield return t;
        }
    }
}
