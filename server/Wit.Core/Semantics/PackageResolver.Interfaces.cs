using System.Collections.Generic;
using System.Linq;
using Wit.Core.Diagnostics;
using Wit.Core.Syntax;
using Wit.Core.Wit.Nodes;
using Wit.Core.Workspace;

namespace Wit.Core.Semantics;

/// <summary>Interfaces: <c>use</c> items, type definitions in dependency order, functions and resource members.</summary>
internal sealed partial class PackageResolver
{
    /// <param name="syntax">The interface's item (its docs and gate).</param>
    /// <param name="body">The node that holds its <c>InterfaceBody</c> (the item itself, or an inline interface).</param>
    private Interface ResolveInterface(string? name, WitNode syntax, SyntaxNode body, SourceFile file, SourceLocation? location) =>
        InLinkStep(DiagnosticOrder.LinkInterface, () => ResolveInterfaceCore(name, syntax, body, file, location));

    private Interface ResolveInterfaceCore(string? name, WitNode syntax, SyntaxNode body, SourceFile file, SourceLocation? location)
    {
        (int outerRank, int outerFunction) = (_interfaceRank, _functionPosition);
        (_interfaceRank, _functionPosition) = (InterfaceRank(name), 0);
        var @interface = new Interface(name)
        {
            Package = _package,
            DocsOrSource = Docs.SourceOf(syntax),
            Stability = name is null ? Stability.Unknown : StabilityOf(syntax, location),
            Location = location,
        };
        // The members are walked twice (types, then functions) as green nodes with their places: a red node and a
        // typed view per member is made only where a member needs one (a gate, a `use`, a resource), not for each of
        // an interface's 50,000 records and functions on each walk.
        var members = BodyMembers(body, SyntaxKind.InterfaceBody, out int functionCount);
        bool outerFolds = _itemNamesFold;
        _itemNamesFold = false;
        var scope = new TypeScope(@interface, null, members.Count, functionCount);
        ResolveTypeMembers(members, members.Count - functionCount, file, scope);

        // The types were declared into the interface's map, in the order of the returned list.
        @interface.ExcludedTypeNames.UnionWith(scope.ExcludedTypes);
        @interface.Functions.EnsureCapacity(functionCount);
        ResolveFunctions(members, file, scope, @interface.Functions);
        if (_itemNamesFold) CheckInterfaceNames(@interface);
        _itemNamesFold = outerFolds;
        (_interfaceRank, _functionPosition) = (outerRank, outerFunction);
        _resolver.AddInterface(@interface);
        return @interface;
    }

    /// <summary>
    /// Declares the <c>use</c>d and defined types of a body, orders the definitions by what they reference, and
    /// fills them in. Returns the named types in declaration order.
    /// </summary>
    private List<TypeDefinition> ResolveTypeMembers(List<MemberSyntax> members, int memberCount, SourceFile file, TypeScope scope) =>
        InLinkStep(DiagnosticOrder.LinkType, () => ResolveTypeMembersCore(members, memberCount, file, scope));

    /// <param name="members">The body's members, walked once.</param>
    /// <param name="memberCount">How many there are, functions left out (the tables of types are made that large at once).</param>
    private List<TypeDefinition> ResolveTypeMembersCore(List<MemberSyntax> members, int memberCount, SourceFile file, TypeScope scope)
    {
        // The types a `use` brings in, in the order of the statements: wit-parser names them before the definitions.
        var usedTypes = new List<TypeDefinition>(memberCount);
        // The definitions to order and fill, and beside each its member's place in the body's list (four bytes, not a
        // copy of the member): a definition's place in these lists is kept in its Index until it is added to the model
        // (see PendingIndex), so no table maps one to the other.
        var definitions = new List<TypeDefinition>(memberCount);
        var memberOf = new List<int>(memberCount);

        // wit-parser orders the used names and the definitions together, in the body's order (its `type_deps`): each
        // one's place among them, and the definition at each place (-1 for a used name).
        var placeOf = new List<int>(memberCount);
        Dictionary<TypeDefinition, int>? usedPlaces = null;
        int places = 0;
        for (int m = 0; m < members.Count; m++)
        {
            var member = members[m];
            if (m + PrefetchDistance < members.Count) PrefetchName(members[m + PrefetchDistance], scope, null);

            // Only a member with attributes can be gated off (HasAttribute reads the green node), so the others need
            // no typed view here.
            if (member.HasAttribute && member.View is { } gated && IsExcluded(gated))
            {
                AddTypeNames(gated, scope.ExcludedTypes);
                continue;
            }

            switch (member.Kind)
            {
                case SyntaxKind.UseItem:
                    if (member.View is UseItemSyntax use)
                    {
                        foreach (var used in ResolveUse(use, file, scope))
                        {
                            usedTypes.Add(used);
                            (usedPlaces ??= new Dictionary<TypeDefinition, int>()).Add(used, places++);
                        }
                    }

                    break;
                case var kind when IsTypeDefinitionKind(kind):
                    // The type's Name (TypeNameToken): the first identifier token that is not missing.
                    if (member.Name is not { } nameToken) break;
                    string tname = Names.Unescape(nameToken.Text);
                    NoteItemName(tname);
                    var nameSpan = new Text.TextSpan(member.NameStart, nameToken.Width);
                    var definition = new TypeDefinition(KindOf(member.Kind))
                    {
                        Name = tname,
                        Owner = scope.Owner,
                        StoredLocation = new StoredLocation(file.Tree.Text, nameSpan),
                        Index = PendingIndex(definitions.Count),
                    };
                    if (!scope.TryDeclareType(tname, member.NameHash, definition))
                    {
                        scope.TryGetDeclared(tname, out var earlierType);
                        ReportDuplicate(ResolveDiagnostics.NameDefinedMoreThanOnce(tname), Location(file, nameSpan), Location(file, earlierType));
                        break;
                    }

                    definition.DocsOrSource = member.Docs();
                    definitions.Add(definition);
                    memberOf.Add(m);
                    placeOf.Add(places++);
                    break;
            }
        }

        // wit-parser's toposort decides the order the definitions are resolved in and which type a cycle error names
        // (at the reference to it).
        var excludedReferences = new Dictionary<TypeDefinition, List<SourceLocation?>>();
        var definitionAt = new int[places];
        for (int place = 0; place < places; place++) definitionAt[place] = -1;
        for (int d = 0; d < definitions.Count; d++) definitionAt[placeOf[d]] = d;
        var placed = TopologicalSort.UpstreamToposort<SourceLocation>(
            places,
            place => definitionAt[place] is int d and >= 0
                ? TypeDependencies(definitions[d], members[memberOf[d]], file, scope, definitions, usedPlaces, placeOf, excludedReferences)
                : System.Array.Empty<(int, SourceLocation)>(),
            (dependency, reference) => Report(ResolveDiagnostics.TypeDependsOnItself(definitions[definitionAt[dependency]].Name ?? ""), reference));
        var order = new List<TypeDefinition>(definitions.Count);
        foreach (int place in placed)
        {
            if (definitionAt[place] >= 0) order.Add(definitions[definitionAt[place]]);
        }

        foreach (var definition in order)
        {
            // wit-parser reads a type's gate once the types are ordered (every one is), just before the type itself.
            var member = members[memberOf[PendingPlace(definition, definitions)]];

            // Without attributes there is no gate to read (nor a view or location to make for one).
            if (member.HasAttribute) definition.Stability = StabilityOf(member.View!, definition.Location);

            // Linking maps what the type refers to after its own gate.
            if (excludedReferences.TryGetValue(definition, out var excluded))
            {
                foreach (var at in excluded) ReportAtLink(ResolveDiagnostics.ExcludedByFeature("type"), at);
            }

            FillDefinition(definition, member, file, scope);
            _resolver.AddType(definition);
        }

        // wit-parser's order of a body's types (an interface's map of them, a world's type imports): the used ones,
        // then the definitions in the order they were resolved, each after the types it refers to.
        usedTypes.AddRange(order);
        if (scope.Interface is { } @interface) @interface.Types.Reorder(usedTypes, type => type.Name!);
        return usedTypes;
    }

    /// <summary>
    /// <see cref="TypeDependencies"/> over the green nodes, in the same order (pre-order, as
    /// <see cref="SyntaxNode.DescendantNodes()"/> walks), for a scope without gated-off names.
    /// </summary>
    private IReadOnlyList<(int, SourceLocation)> GreenTypeDependencies(GreenNode root, int rootPosition, SourceFile file, TypeScope scope, List<TypeDefinition> local,
        Dictionary<TypeDefinition, int>? usedPlaces, List<int> placeOf)
    {
        // Most definitions refer to no other type of the body: the list is made for the first that does. Only subtrees
        // with a type name in them are walked (a record of primitives is not walked at all).
        if (!root.ContainsNamedType) return System.Array.Empty<(int, SourceLocation)>();
        List<(int, SourceLocation)>? result = null;
        var stack = _greenWalk;
        stack.Clear();
        PushChildren(stack, root, rootPosition);
        while (stack.Count > 0)
        {
            var (node, position) = stack.Pop();
            if (node.Kind == SyntaxKind.NamedType)
            {
                // TypeSyntax.Name: the first identifier token that is not missing.
                int offset = position;
                for (int i = 0; i < node.SlotCount; i++)
                {
                    var slot = node.GetSlot(i);
                    if (slot is GreenToken { Kind: SyntaxKind.IdentifierToken, IsMissing: false } token)
                    {
                        string name = Names.Unescape(token.Text);
                        // The location is made only when it is kept or reported: most names refer to types of other items.
                        var span = new Text.TextSpan(offset + token.LeadingWidth, token.Width);
                        if (scope.TryGetType(name, out var target))
                        {
                            if (PlaceAmongTypes(target, local, usedPlaces, placeOf) is int place and >= 0) (result ??= new List<(int, SourceLocation)>()).Add((place, new SourceLocation(file.Tree.Text, span)));
                        }
                        else
                        {
                            Report(UnknownTypeMessage(name), new SourceLocation(file.Tree.Text, span));
                        }

                        break;
                    }

                    offset += slot.FullWidth;
                }
            }

            PushChildren(stack, node, position);
        }

        return result ?? (IReadOnlyList<(int, SourceLocation)>)System.Array.Empty<(int, SourceLocation)>();
    }

    /// <summary>
    /// Pushes a node's child nodes that are or hold a type name (<see cref="GreenNode.ContainsNamedType"/>) with their
    /// positions, the last first (so they pop in document order).
    /// </summary>
    private static void PushChildren(Stack<(GreenNode, int)> stack, GreenNode node, int position)
    {
        int end = position + node.FullWidth;
        for (int i = node.SlotCount - 1; i >= 0; i--)
        {
            var slot = node.GetSlot(i);
            end -= slot.FullWidth;
            if (slot is GreenNode { ContainsNamedType: true } child) stack.Push((child, end));
        }
    }

    private readonly Stack<(GreenNode, int)> _greenWalk = new();

    /// <summary>
    /// A member of a body as its green node and place (24 bytes), its red node and typed view made only when asked for
    /// (<see cref="View"/>): a large interface's records and functions are resolved from the green tree, and the
    /// body's members are listed once for the walks over them.
    /// </summary>
    private readonly struct MemberSyntax
    {
        private readonly SyntaxNode _parent;

        /// <param name="parent">The body's list node.</param>
        public MemberSyntax(SyntaxNode parent, GreenNode green, int position, int index)
        {
            _parent = parent;
            Green = green;
            Position = position;
            Index = index;
            if ((IsTypeDefinitionKind(green.Kind) || green.Kind == SyntaxKind.FunctionItem)
                && new GreenCursor(green, position).TryGetToken(SyntaxKind.IdentifierToken, out var name, out int nameStart))
            {
                Name = name;
                NameStart = nameStart;
                NameHash = NameMap<TypeDefinition>.Hash(Names.Unescape(name.Text));
            }
        }

        /// <param name="member">A member of a body (it has a parent, the body's list).</param>
        public MemberSyntax(WitNode member)
            : this(member.Syntax.Parent!, member.Syntax.Green, member.Syntax.Position, member.Syntax.Index)
        {
        }

        public GreenNode Green { get; }

        public int Position { get; }

        /// <summary>The member's slot in its list.</summary>
        public int Index { get; }

        public SyntaxKind Kind => Green.Kind;

        /// <summary>
        /// A type's or function's name (its first identifier token that is not missing), found when the body's members
        /// are listed, and where its text starts; null for another kind of member or a name missing.
        /// </summary>
        public GreenToken? Name { get; }

        public int NameStart { get; }

        /// <summary>
        /// The hash of <see cref="Name"/>'s unescaped text (<see cref="NameMap{T}.Hash"/>), for the lookups of it and for
        /// asking a few members ahead of a walk for the memory they read (<see cref="PrefetchName"/>).
        /// </summary>
        public uint NameHash { get; }

        public GreenCursor Cursor => new(Green, Position);

        /// <summary>Whether the member has an attribute (<see cref="PackageResolver.HasAttribute(GreenNode)"/>).</summary>
        public bool HasAttribute => PackageResolver.HasAttribute(Green);

        /// <summary>The member's red node, made anew.</summary>
        public SyntaxNode Red => _parent.ChildNode(Green, Position, Index);

        /// <summary>The member's typed view, made anew (null for a kind without one).</summary>
        public WitNode? View => WitNode.From(Red);

        /// <summary>
        /// <see cref="Semantics.Docs.Of(WitNode)"/> of the member, from the green tree when its first token is its own first
        /// slot and an earlier slot of the list holds the token before it (nearly always); otherwise from its view.
        /// </summary>
        public DocsSource? Docs()
        {
            if (Green.SlotCount > 0 && Green.GetSlot(0) is GreenToken first && Semantics.Docs.PreviousTokenInList(_parent.Green, Index, out var previous))
            {
                return DocsSource.Of(previous?.TrailingTrivia, first.LeadingTrivia);
            }

            return View is { } view ? Semantics.Docs.SourceOf(view) : null;
        }
    }

    /// <summary>
    /// The members of the <paramref name="listKind"/> child of <paramref name="owner"/> (its child nodes, in order), and
    /// how many of them are functions, read from the green nodes; one red node, the list's, is made.
    /// </summary>
    private static List<MemberSyntax> BodyMembers(SyntaxNode owner, SyntaxKind listKind, out int functions)
    {
        functions = 0;
        var green = owner.Green;
        int offset = owner.Position;
        for (int i = 0; i < green.SlotCount; i++)
        {
            var slot = green.GetSlot(i);
            if (slot is not GreenNode { } list || list.Kind != listKind)
            {
                offset += slot.FullWidth;
                continue;
            }

            // One pass over the members, sized by the slot count (a body's slots are its members, tokens only after a
            // syntax error): a second pass to count them first read every member's object twice, and in a body of
            // 500,000 members (20 MB of WIT) the second read missed the cache as much as the first.
            var result = new List<MemberSyntax>(list.SlotCount);
            var listNode = owner.ChildNode(list, offset, i);
            int itemOffset = offset;
            for (int j = 0; j < list.SlotCount; j++)
            {
                var item = list.GetSlot(j);
                if (item is GreenNode member)
                {
                    result.Add(new MemberSyntax(listNode, member, itemOffset, j));
                    if (member.Kind == SyntaxKind.FunctionItem) functions++;
                }

                itemOffset += item.FullWidth;
            }

            return result;
        }

        return new List<MemberSyntax>();
    }

    /// <summary>How many members ahead of a walk over a body's members their names' lookups are prefetched (<see cref="PrefetchName"/>).</summary>
    private const int PrefetchDistance = 2;

    /// <summary>
    /// Asks for the memory that looking up <paramref name="member"/>'s name reads in the interface's map of types (and in
    /// <paramref name="functions"/>), a few members before a walk looks it up. In an interface of 250,000 types those
    /// maps are megabytes read at random, each lookup waiting for memory in turn; asked for ahead, the misses overlap
    /// with the work on the members between. Only the member's listed hash is read, not its node; a name is asked for
    /// in both walks whatever its kind (a needless prefetch costs no wait).
    /// </summary>
    private static void PrefetchName(MemberSyntax member, TypeScope scope, NameMap<Function>? functions)
    {
        if (member.Name is null) return;
        scope.PrefetchType(member.NameHash);
        functions?.Prefetch(member.NameHash);
    }

    /// <summary>The kinds of member that define a named type.</summary>
    private static bool IsTypeDefinitionKind(SyntaxKind kind) =>
        kind is SyntaxKind.TypeAlias or SyntaxKind.Record or SyntaxKind.Flags or SyntaxKind.Variant or SyntaxKind.Enum or SyntaxKind.Resource;

    /// <summary>
    /// The <see cref="TypeDefinition.Index"/> a definition of the body being declared holds until it is added to the
    /// model: its place in the body's list of definitions, below -1 (-1 is "not in the model", 0 and up are arena
    /// indices), so that telling a local definition from another and finding its member take no table.
    /// </summary>
    private static int PendingIndex(int place) => -2 - place;

    /// <summary>
    /// The place of a type a definition refers to among the body's used names and definitions (wit-parser's
    /// <c>type_deps</c>), or -1 for a type of elsewhere.
    /// </summary>
    private static int PlaceAmongTypes(TypeDefinition target, List<TypeDefinition> local, Dictionary<TypeDefinition, int>? usedPlaces, List<int> placeOf)
    {
        int definition = PendingPlace(target, local);
        if (definition >= 0) return placeOf[definition];
        return usedPlaces is not null && usedPlaces.TryGetValue(target, out int used) ? used : -1;
    }

    /// <summary>The place <see cref="PendingIndex"/> noted for <paramref name="definition"/>, or -1 when it is not one of <paramref name="definitions"/>.</summary>
    private static int PendingPlace(TypeDefinition definition, List<TypeDefinition> definitions)
    {
        int place = -2 - definition.Index;
        return place >= 0 && place < definitions.Count && ReferenceEquals(definitions[place], definition) ? place : -1;
    }

    /// <summary>The names of the types a member defines: a type definition's, or each name a `use` brings in.</summary>
    private static void AddTypeNames(WitNode member, ISet<string> into)
    {
        if (member is UseItemSyntax use)
        {
            foreach (var useName in use.Names)
            {
                if ((useName.Alias ?? useName.Name) is { } token) into.Add(Names.Unescape(token.Text));
            }
        }
        else if (TypeNameToken(member) is { } name)
        {
            into.Add(Names.Unescape(name.Text));
        }
    }

    /// <summary>
    /// Where wit-parser reports a reference (<paramref name="reference"/>, in the type defined by <paramref name="type"/>)
    /// to an excluded type: at the record field that holds it, or null for the type defined (its name).
    /// </summary>
    private static SourceLocation? ExcludedReferenceLocation(SyntaxNode reference, SyntaxNode type, SourceFile file)
    {
        var field = reference.Parent;
        while (field is not null && field.Kind != SyntaxKind.RecordField && field != type) field = field.Parent;
        return field is not null && field.Kind == SyntaxKind.RecordField && WitNode.From(field) is RecordFieldSyntax { Name: { } fieldName }
            ? new SourceLocation(file.Tree.Text, fieldName.Span)
            : null;
    }

    private static SyntaxToken? TypeNameToken(WitNode member) => member switch
    {
        TypeAliasSyntax a => a.Name,
        RecordSyntax r => r.Name,
        FlagsSyntax f => f.Name,
        VariantSyntax v => v.Name,
        EnumSyntax e => e.Name,
        ResourceSyntax r => r.Name,
        _ => null,
    };

    private static TypeDefinitionKind KindOf(SyntaxKind member) => member switch
    {
        SyntaxKind.TypeAlias => TypeDefinitionKind.Alias,
        SyntaxKind.Record => TypeDefinitionKind.Record,
        SyntaxKind.Flags => TypeDefinitionKind.Flags,
        SyntaxKind.Variant => TypeDefinitionKind.Variant,
        SyntaxKind.Enum => TypeDefinitionKind.Enum,
        _ => TypeDefinitionKind.Resource,
    };

    private static SourceLocation Location(SourceFile file, SyntaxToken token) => new(file.Tree.Text, token.Span);

    private static SourceLocation Location(SourceFile file, Text.TextSpan span) => new(file.Tree.Text, span);

    /// <param name="local">The body's definitions being ordered (see <see cref="PendingPlace"/>).</param>
    /// <param name="usedPlaces">The places of the body's used names among its used names and definitions (see <see cref="PlaceAmongTypes"/>).</param>
    /// <param name="placeOf">Each definition's place among them.</param>
    /// <param name="excludedReferences">Where the type names gated-off types, reported when the type is linked.</param>
    private IReadOnlyList<(int, SourceLocation)> TypeDependencies(TypeDefinition definition, MemberSyntax member, SourceFile file, TypeScope scope, List<TypeDefinition> local,
        Dictionary<TypeDefinition, int>? usedPlaces, List<int> placeOf, Dictionary<TypeDefinition, List<SourceLocation?>> excludedReferences)
    {
        if (definition.Kind == TypeDefinitionKind.Resource) return System.Array.Empty<(int, SourceLocation)>();

        // Without gated-off names every reference is local, elsewhere or unknown, and the green nodes tell each one
        // (with its position) without a red node per descendant; a gated-off one needs the enclosing field below.
        if (scope.ExcludedTypes.Count == 0)
        {
            return GreenTypeDependencies(member.Green, member.Position, file, scope, local, usedPlaces, placeOf);
        }

        var result = new List<(int, SourceLocation)>();
        var syntax = member.View!;
        foreach (var node in syntax.Syntax.DescendantNodes())
        {
            if (node.Kind != SyntaxKind.NamedType || WitNode.From(node) is not TypeSyntax named || named.Name is not { } nameToken) continue;
            string name = Names.Unescape(nameToken.Text);
            if (scope.TryGetType(name, out var target))
            {
                if (PlaceAmongTypes(target, local, usedPlaces, placeOf) is int place and >= 0) result.Add((place, Location(file, nameToken)));
            }
            else if (scope.ExcludedTypes.Contains(name))
            {
                // wit-parser reports it where the type is used: at a record's field, else at the type defined.
                if (!excludedReferences.TryGetValue(definition, out var list)) excludedReferences[definition] = list = new List<SourceLocation?>();
                list.Add(ExcludedReferenceLocation(node, syntax.Syntax, file) ?? definition.Location);
            }
            else
            {
                Report(UnknownTypeMessage(name), Location(file, nameToken));
            }
        }

        return result;
    }

    private IEnumerable<TypeDefinition> ResolveUse(UseItemSyntax use, SourceFile file, TypeScope scope)
    {
        var result = new List<TypeDefinition>();
        Interface? target = null;
        bool foreign = false;

        // The types a `use` defines carry its gate, checked (once) at the first of them.
        Stability? useStability = null;
        if (use.Path is { } pathSyntax && ParsedPath.From(pathSyntax, file) is { } path)
        {
            foreign = path.IsForeign;

            // wit-parser checks a foreign interface's gates (those of the statements naming it) before looking it up.
            if (foreign) useStability = StabilityOf(use, path.ItemLocation);
            target = ResolveInterfaceReference(path, file);
        }

        foreach (var useName in use.Names)
        {
            if (useName.Name is not { } nameToken) continue;
            string name = Names.Unescape(nameToken.Text);
            var aliasToken = useName.Alias;
            string localName = aliasToken is { } alias ? Names.Unescape(alias.Text) : name;
            NoteItemName(localName);
            var location = Location(file, aliasToken ?? nameToken);

            // As wit-parser does for each name: the gate (read once), the name looked up, then the local name defined.
            useStability ??= StabilityOf(use, Location(file, nameToken));
            TypeDefinition? original = null;
            if (target is not null && target.Types.TryGetValue(name, out original))
            {
                _resolver.Model.References.Add(new SymbolReference(Location(file, nameToken), original));
            }
            else if (target is not null && !foreign && target.ExcludedTypeNames.Contains(name))
            {
                // In another package the gated-off type is simply not there (wit-parser links packages already
                // resolved): that is "not defined in interface" below.
                ReportAtLink(ResolveDiagnostics.ExcludedByFeature("type"), Location(file, nameToken));
            }
            else if (target is not null && !foreign && target.Functions.ContainsKey(name))
            {
                Report(ResolveDiagnostics.CannotImportFunction(name), Location(file, nameToken));
            }
            else if (target is not null)
            {
                // A foreign interface's types are looked up when wit-parser links the package, a local one's before.
                if (foreign) ReportAtLink(ResolveDiagnostics.TypeNotDefinedInInterface(name), Location(file, nameToken), DiagnosticOrder.LinkForeignType);
                else Report(ResolveDiagnostics.NameDoesNotExist(name), Location(file, nameToken));
            }

            if (scope.TryGetDeclared(localName, out var earlier))
            {
                ReportDuplicate(ResolveDiagnostics.NameDefinedMoreThanOnce(localName), location, Location(file, earlier));
                continue;
            }

            var definition = new TypeDefinition(original is null ? TypeDefinitionKind.Error : TypeDefinitionKind.Alias)
            {
                Name = localName,
                Owner = scope.Owner,
                Element = original is null ? null : WitType.Of(original),
                Location = location,
                FromUse = true,
                // Like wit-parser, the aliases a `use` creates carry the gate of the `use` itself.
                Stability = useStability,
            };
            scope.DeclareType(localName, definition);
            _resolver.AddType(definition);
            result.Add(definition);
        }

        return result;
    }

    /// <summary>The interface a path names; reports unknown names, unknown packages and worlds used as interfaces.</summary>
    private Interface? ResolveInterfaceReference(ParsedPath path, SourceFile file)
    {
        if (path.IsForeign)
        {
            if (!NoteForeignKind(path, isWorld: false)) return null;
            var package = ForeignPackage(path, DiagnosticOrder.LinkForeignInterface);
            if (package is null) return null;
            if (package.Interfaces.TryGetValue(path.ItemName, out var foreignInterface)) return Referenced(path, foreignInterface);
            ReportAtLink(ResolveDiagnostics.InterfaceNotFoundInPackage(path.ItemName, package.Name.ToString()), path.ItemLocation, DiagnosticOrder.LinkForeignInterface);
            return null;
        }

        var target = LookupLocal(path.ItemName, file);
        if (target is null)
        {
            Report(ResolveDiagnostics.InterfaceOrWorldDoesNotExist(path.ItemName), path.ItemLocation);
            return null;
        }

        if (target.Value.Foreign is { } aliased) return NoteForeignKind(aliased, isWorld: false, path) ? ResolveInterfaceReference(aliased, file) : null;
        var local = target.Value.Local!;
        if (local.IsWorld)
        {
            Report(ResolveDiagnostics.WorldWhereInterfaceExpected(path.ItemName), path.ItemLocation);
            return null;
        }

        if (local.Excluded)
        {
            // wit-parser's wording, article included.
            // A `use` of it fails no earlier than the check of the types such an interface keeps.
            ReportAtLink(ResolveDiagnostics.ExcludedByFeature("interface"), path.ItemLocation, System.Math.Max(_linkStep, DiagnosticOrder.LinkInterfaceOwner));
            return null;
        }

        return local.Interface is null ? null : Referenced(path, local.Interface);
    }

    private T Referenced<T>(ParsedPath path, T symbol) where T : class
    {
        _resolver.Model.References.Add(new SymbolReference(path.ItemLocation, symbol));
        return symbol;
    }

    /// <summary>
    /// wit-parser decides whether a foreign <c>ns:pkg/name</c> is an interface or a world at its first use; a later
    /// use as the other kind is an error.
    /// </summary>
    /// <param name="written">The name as written, when <paramref name="path"/> was reached through a top-level <c>use</c>: the error names it.</param>
    private bool NoteForeignKind(ParsedPath path, bool isWorld, ParsedPath? written = null)
    {
        string key = $"{path.Package}/{path.ItemName}";
        if (!_foreignKinds.TryGetValue(key, out bool wasWorld))
        {
            _foreignKinds[key] = isWorld;
            return true;
        }

        if (wasWorld == isWorld) return true;
        var at = written ?? path;
        Report(wasWorld ? ResolveDiagnostics.WorldWhereInterfaceExpected(at.ItemName) : ResolveDiagnostics.InterfaceWhereWorldExpected(at.ItemName), at.ItemLocation);
        return false;
    }

    private Package? ForeignPackage(ParsedPath path, int linkStep)
    {
        if (_resolver.FindPackage(path.Package!) is { } package) return package;
        if (path.Package!.Equals(_package.Name)) return _package;
        if (_resolver.IsKnownPackage(path.Package)) return null;
        // wit-parser points at the package's first mention in this package, whichever path this is.
        var location = path.PathLocation;
        foreach (var (name, first) in _unresolved.ForeignDependencies)
        {
            if (!name.Equals(path.Package)) continue;
            location = first;
            break;
        }

        if (ReportAtLink(ResolveDiagnostics.PackageNotFound(path.Package.ToString(), _resolver.KnownPackages(_package.Name)), location, linkStep) is { } diagnostic)
        {
            UnknownPackageDiagnostics.Add(diagnostic);
        }

        return null;
    }
}
