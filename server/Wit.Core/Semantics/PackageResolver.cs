using System.Collections.Generic;
using System.Linq;
using Wit.Core.Diagnostics;
using Wit.Core.Syntax;
using Wit.Core.Text;
using Wit.Core.Wit.Nodes;
using Wit.Core.Workspace;

namespace Wit.Core.Semantics;

/// <summary>
/// Resolves one package: registers its interfaces and worlds, orders them by their local references, then resolves
/// each (types, functions, world items) and elaborates the worlds. Foreign references go to packages the
/// <see cref="WitResolver"/> has already resolved.
/// </summary>
internal sealed partial class PackageResolver
{
    private readonly WitResolver _resolver;
    private readonly UnresolvedPackage _unresolved;
    private readonly Package _package;
    private readonly Dictionary<string, LocalItem> _items = new();
    private readonly List<LocalItem> _itemOrder = new();
    private readonly Dictionary<SourceFile, Dictionary<string, ParsedPath>> _fileScopes = new();
    private readonly ShapeTable _anonymousTypes = new();
    private readonly Dictionary<TypeDefinition, TypeDefinition> _ownHandles = new();

    /// <summary>
    /// Where each anonymous type made with a gate was first written, in a resolution with every feature on (see
    /// <see cref="ReportReferencesToExcludedAnonymousTypes"/>).
    /// </summary>
    private readonly Dictionary<TypeDefinition, StoredLocation> _gatedAnonymousAt = new();
    private readonly Dictionary<string, bool> _foreignKinds = new();
    private readonly Dictionary<(SourceFile File, int Position), (ParsedPath Path, World? World, bool Excluded)> _includeTargets = new();
    private readonly bool _recordItems;
    private readonly ItemState? _previousItems;

    /// <param name="recordItems">Keep an <see cref="ItemRecord"/> per interface and world (see <see cref="Items"/>).</param>
    /// <param name="previousItems">
    /// The records of an earlier check of this package: an item whose syntax is unchanged and which depends on
    /// nothing changed is taken over from there instead of being resolved (see <see cref="TakenOver"/>).
    /// </param>
    public PackageResolver(WitResolver resolver, UnresolvedPackage unresolved, bool recordItems = false, ItemState? previousItems = null)
    {
        _resolver = resolver;
        _unresolved = unresolved;
        _package = new Package(unresolved.Name!) { Docs = unresolved.Docs, Location = unresolved.NameLocation };
        _recordItems = recordItems;
        _previousItems = recordItems ? previousItems : null;
        ReferencesStart = resolver.Model.References.Count;
    }

    /// <summary>Where this package's references start in the model (nothing before it can refer into it).</summary>
    public int ReferencesStart { get; }

    /// <summary>The package's item records after <see cref="Resolve"/>, when asked to record them.</summary>
    public ItemState? Items { get; private set; }

    /// <summary>
    /// The records taken over from the previous check, with where each item now is: their diagnostics are in the
    /// coordinates of the text they were resolved in. When any were taken over, the model is missing those items'
    /// arena entries and diagnostics: it serves the check, and must not be taken over as a package.
    /// </summary>
    public List<(ItemRecord Record, SourceFile File, TextSpan FullSpan)> TakenOver { get; } = new();

    /// <summary>The records of the items resolved this time.</summary>
    public List<ItemRecord> Fresh { get; } = new();

    private sealed class LocalItem
    {
        public LocalItem(string name, SourceFile file, WitNode syntax, SourceLocation location)
        {
            Name = name;
            File = file;
            Syntax = syntax;
            Location = location;
        }

        public string Name { get; }

        public SourceFile File { get; }

        public WitNode Syntax { get; }

        public SourceLocation Location { get; }

        public bool IsWorld => Syntax is WorldSyntax;

        public bool Excluded { get; set; }

        public Interface? Interface { get; set; }

        public World? World { get; set; }
    }

    /// <summary>The name of an interface or a world at the top level of a file (null when it has none).</summary>
    private static SyntaxToken? ItemName(WitNode item) => item is InterfaceSyntax i ? i.Name : item is WorldSyntax w ? w.Name : null;

    public void Resolve()
    {
        // Interfaces and worlds are package-wide; a top-level `use` names something in its own file only. As
        // wit-parser (populate_ast_items) does, the package's interfaces and worlds are named first, across its files (a
        // name taken twice is reported at the later declaration), and then each file's names, items and top-level uses
        // together (a name declared twice in a file is reported at the later declaration, and that item is dropped).
        var signature = _recordItems ? new List<ItemKey>(_unresolved.Items.Count) : null;
        foreach (var (file, item) in _unresolved.Items)
        {
            signature?.Add(KeyOf(file, item));
            if (item is TopLevelUseSyntax || ItemName(item) is not { } token) continue;
            string name = Names.Unescape(token.Text);
            var location = new SourceLocation(file.Tree.Text, token.Span);
            if (_items.TryGetValue(name, out var earlier))
            {
                ReportDuplicate(ResolveDiagnostics.DuplicateItem(name), location, earlier.Location);
                continue;
            }

            var local = new LocalItem(name, file, item, location) { Excluded = IsExcluded(item) };
            _items[name] = local;
            _itemOrder.Add(local);
        }

        var fileNames = new Dictionary<SourceFile, Dictionary<string, SourceLocation>>();
        var uses = new List<(SourceFile File, ParsedPath Path)>();
        foreach (var (file, item) in _unresolved.Items)
        {
            if (!fileNames.TryGetValue(file, out var names)) fileNames[file] = names = new Dictionary<string, SourceLocation>();
            if (item is TopLevelUseSyntax use)
            {
                if (use.Path is null || ParsedPath.From(use.Path, file) is not { } path) continue;
                var aliasToken = use.Alias;
                string alias = aliasToken is { } a ? Names.Unescape(a.Text) : path.ItemName;
                var aliasLocation = aliasToken is { } at ? new SourceLocation(file.Tree.Text, at.Span) : path.ItemLocation;
                if (!names.TryAdd(alias, aliasLocation))
                {
                    ReportDuplicate(ResolveDiagnostics.DuplicateNameInFile(alias), aliasLocation, names[alias]);
                    continue;
                }

                if (!_fileScopes.TryGetValue(file, out var scope)) _fileScopes[file] = scope = new Dictionary<string, ParsedPath>();
                scope[alias] = path;
                if (!path.IsForeign) uses.Add((file, path));
                continue;
            }

            if (ItemName(item) is not { } token) continue;
            string name = Names.Unescape(token.Text);

            // An item named twice in the package was reported above and is not one of its items.
            if (!_items.TryGetValue(name, out var local) || local.Syntax != item) continue;
            if (!names.TryAdd(name, local.Location))
            {
                ReportDuplicate(ResolveDiagnostics.DuplicateNameInFile(name), local.Location, names[name]);
                _items.Remove(name);
                _itemOrder.Remove(local);
            }
        }

        NoteForeignKinds(report: false);
        foreach (var (file, path) in uses)
        {
            if (!_items.ContainsKey(path.ItemName)) Report(ResolveDiagnostics.InterfaceOrWorldDoesNotExist(path.ItemName), path.ItemLocation);
        }

        // wit-parser orders the package's interfaces and worlds by their `use` paths and includes (ast/toposort.rs).
        var edges = new Dictionary<LocalItem, List<(LocalItem, SourceLocation)>>();
        var places = new Dictionary<LocalItem, int>(_itemOrder.Count);
        foreach (var item in _itemOrder) places[item] = places.Count;
        var order = TopologicalSort.UpstreamToposort<SourceLocation>(
            _itemOrder.Count,
            place =>
            {
                var item = _itemOrder[place];
                var dependencies = edges[item] = Dependencies(item);
                return dependencies.ConvertAll(d => (places[d.Item1], d.Item2));
            },
            (dependency, location) => Report(ResolveDiagnostics.InterfaceOrWorldDependsOnItself(_itemOrder[dependency].Name), location))
            .ConvertAll(place => _itemOrder[place]);
        foreach (var item in order)
        {
            if (!item.IsWorld) _interfaceRanks[item.Name] = _interfaceRanks.Count;
            if (item.Excluded) ReportUngatedType(item.Syntax is InterfaceSyntax i ? i.Members : ((WorldSyntax)item.Syntax).Members, item.File, item.IsWorld ? "world" : "interface");
        }

        foreach (var (file, item) in _unresolved.Items)
        {
            if (item is not TopLevelUseSyntax use || !use.Attributes.Any()) continue;
            var keyword = use.Syntax.ChildTokens().FirstOrDefault(t => t.Kind == SyntaxKind.UseKeyword);
            Report(ResolveDiagnostics.AttributesOnTopLevelUse(), new SourceLocation(file.Tree.Text, keyword.Kind == SyntaxKind.UseKeyword ? keyword.Span : use.Span));
        }

        NoteForeignKinds(report: true);
        LookUpTopLevelUses();
        var reusable = signature is null ? null : Reusable(signature, edges);
        var records = new Dictionary<LocalItem, ItemRecord>();

        foreach (var item in order)
        {
            if (item.Excluded) continue;

            if (item.Syntax is InterfaceSyntax interfaceSyntax)
            {
                if (TakeOver(item, reusable) is { } old)
                {
                    item.Interface = old.Interface;
                }
                else
                {
                    var mark = Mark();
                    item.Interface = ResolveInterface(interfaceSyntax.Name is { } n ? Names.Unescape(n.Text) : null, interfaceSyntax, interfaceSyntax.Syntax, item.File, item.Location);
                    if (signature is not null) Capture(records[item] = NewRecord(item), mark);
                }

                _package.Interfaces.Set(item.Name, item.Interface!);
            }
        }

        foreach (var item in order)
        {
            if (item.Excluded || item.Syntax is not WorldSyntax worldSyntax) continue;
            if (TakeOver(item, reusable) is { } old)
            {
                item.World = old.World;
                continue;
            }

            var mark = Mark();
            item.World = ResolveWorld(item.Name, worldSyntax, item.File, item.Location);
            if (signature is not null) Capture(records[item] = NewRecord(item), mark);
        }

        // Worlds are registered in declaration order, as wit-parser lists them in the package.
        foreach (var item in _itemOrder)
        {
            if (item.World is { } world) _package.Worlds.Set(item.Name, world);
        }

        foreach (var item in order)
        {
            if (item.World is not { } world || reusable?.ContainsKey(item) == true) continue;
            var mark = Mark();
            ElaborateWorld(world, (WorldSyntax)item.Syntax, item.File);
            if (records.TryGetValue(item, out var record)) Capture(record, mark);
        }

        _resolver.AddPackage(_package);
        if (signature is null) return;
        var state = new ItemState(_package.Name, _resolver.Options, signature, new Dictionary<string, ItemRecord>());
        foreach (var record in records.Values)
        {
            record.Cacheable = record.Diagnostics.TrueForAll(d => record.Contains(d.Document, d.Span) && d.Related.All(r => record.Contains(r.Document, r.Span)));
            state.Records[record.Name] = record;
            Fresh.Add(record);
        }

        foreach (var (record, _, _) in TakenOver) state.Records[record.Name] = record;
        Items = state;
    }

    private static ItemKey KeyOf(SourceFile file, WitNode item) => item switch
    {
        InterfaceSyntax i => new ItemKey(file.Path, item.Kind, i.Name is { } n ? Names.Unescape(n.Text) : null, null),
        WorldSyntax w => new ItemKey(file.Path, item.Kind, w.Name is { } n ? Names.Unescape(n.Text) : null, null),
        _ => new ItemKey(file.Path, item.Kind, null, item.Syntax.Green),
    };

    /// <summary>
    /// The items that can be taken over from the previous check, with their records: every item but those whose text
    /// changed (or the line just above them, where lint suppressions are read), those without a usable record, and
    /// everything that depends on those, directly or not. Null when the package's items are not the same list.
    /// </summary>
    private Dictionary<LocalItem, ItemRecord>? Reusable(List<ItemKey> signature, Dictionary<LocalItem, List<(LocalItem, SourceLocation)>> edges)
    {
        if (_previousItems is not { } previous || !previous.Package.Equals(_package.Name) || !ReferenceEquals(previous.Options, _resolver.Options)
            || !previous.Signature.SequenceEqual(signature))
        {
            return null;
        }

        var dependents = new Dictionary<LocalItem, List<LocalItem>>();
        foreach (var entry in edges)
        {
            foreach (var edge in entry.Value)
            {
                if (!dependents.TryGetValue(edge.Item1, out var list)) dependents[edge.Item1] = list = new List<LocalItem>();
                list.Add(entry.Key);
            }
        }

        var result = new Dictionary<LocalItem, ItemRecord>();
        var affected = new Stack<LocalItem>();
        foreach (var item in _itemOrder)
        {
            var syntax = item.Syntax.Syntax;
            if (!item.Excluded && previous.Records.TryGetValue(item.Name, out var record) && record.Cacheable && !record.BoundaryIsTrivia
                && record.Path == item.File.Path && ReferenceEquals(record.Green, syntax.Green) && record.SameBoundary(item.File.Tree.Text.Text, syntax.Position))
            {
                result[item] = record;
            }
            else
            {
                affected.Push(item);
            }
        }

        while (affected.Count > 0)
        {
            if (!dependents.TryGetValue(affected.Pop(), out var users)) continue;
            foreach (var user in users)
            {
                if (result.Remove(user)) affected.Push(user);
            }
        }

        return result;
    }

    /// <summary>The item's record when it can be taken over (noted in <see cref="TakenOver"/>), else null.</summary>
    private ItemRecord? TakeOver(LocalItem item, Dictionary<LocalItem, ItemRecord>? reusable)
    {
        if (reusable is null || !reusable.TryGetValue(item, out var record)) return null;
        TakenOver.Add((record, item.File, item.Syntax.Syntax.FullSpan));
        if (record.ExcludesSome)
        {
            ExcludedAny = true;
            _exclusions++;
        }

        return record;
    }

    private (int Diagnostics, int References, int Exclusions) Mark() => (_resolver.Model.Diagnostics.Count, _resolver.Model.References.Count, _exclusions);

    private void Capture(ItemRecord record, (int Diagnostics, int References, int Exclusions) mark)
    {
        var model = _resolver.Model;
        if (_exclusions > mark.Exclusions) record.ExcludesSome = true;
        for (int i = mark.Diagnostics; i < model.Diagnostics.Count; i++) record.Diagnostics.Add(model.Diagnostics[i]);
        for (int i = mark.References; i < model.References.Count; i++)
        {
            if (model.References[i].Target is TypeDefinition type) record.ReferencedTypes.Add(type);
        }
    }

    private ItemRecord NewRecord(LocalItem item)
    {
        var syntax = item.Syntax.Syntax;
        return new ItemRecord(item.Name, item.File.Path, syntax.Green, item.File.Tree.Text, syntax.FullSpan)
        {
            Interface = item.Interface,
            World = item.World,
        };
    }

    /// <summary>
    /// wit-parser decides whether each foreign <c>ns:pkg/name</c> is an interface or a world where it first meets it
    /// (a world's uses and includes, then its imports, then its exports), before it resolves anything
    /// (<paramref name="report"/> false). Once the items are ordered (<paramref name="report"/> true) it checks every
    /// <c>use</c> item's path, before resolving any item: a world or an unknown name there, or a foreign name first met
    /// as a world, is reported here, ahead of what resolving the items finds.
    /// </summary>
    private void NoteForeignKinds(bool report)
    {
        foreach (var (file, item) in _unresolved.Items)
        {
            var syntax = item.Syntax;
            var entries = ItemUsePaths.Of(syntax, file);
            for (int phase = 0; phase <= 2; phase++)
            {
                foreach (var entry in entries)
                {
                    if (entry.Phase != phase || report && !entry.InUse) continue;
                    var location = entry.ItemLocation(syntax, file);
                    // In a world (and the interfaces it defines inline) wit-parser reads a `use` statement's gate before
                    // it looks the path up; in an interface, after.
                    if (report && entry.InUse && entry.Package is null && syntax.Kind == SyntaxKind.World) ReadUseGate(syntax, location);
                    if (entry.Package is { } package)
                    {
                        var path = new ParsedPath(entry.ItemName, location, package, entry.PathLocation(syntax, file));
                        string key = $"{path.Package}/{path.ItemName}";
                        if (!report && !_foreignKinds.ContainsKey(key)) _foreignKinds[key] = entry.InInclude;
                        else if (report) NoteForeignKind(path, isWorld: false);
                    }
                    else if (report)
                    {
                        var target = LookupLocal(entry.ItemName, file);
                        if (target is null) Report(ResolveDiagnostics.InterfaceOrWorldDoesNotExist(entry.ItemName), location);
                        else if (target.Value.Local is { IsWorld: true }) Report(ResolveDiagnostics.WorldWhereInterfaceExpected(entry.ItemName), location);
                        else if (target.Value.Foreign is { } aliased) NoteForeignKind(aliased, isWorld: false, new ParsedPath(entry.ItemName, location, null, entry.PathLocation(syntax, file)));
                    }
                }
            }
        }
    }

    /// <summary>
    /// wit-parser looks up every interface of another package that a top-level <c>use</c> names when it links the
    /// package, whether or not an item refers to it: a name that package does not have as an interface (a world of
    /// it, or nothing) is an error there too.
    /// </summary>
    private void LookUpTopLevelUses()
    {
        foreach (var (file, item) in _unresolved.Items)
        {
            if (item is not TopLevelUseSyntax { Path: { } pathSyntax } || ParsedPath.From(pathSyntax, file) is not { IsForeign: true } path) continue;
            if (ForeignPackage(path, DiagnosticOrder.LinkForeignInterface) is not { } package || package.Interfaces.ContainsKey(path.ItemName)) continue;
            ReportAtLink(ResolveDiagnostics.InterfaceNotFoundInPackage(path.ItemName, package.Name.ToString()), path.ItemLocation, DiagnosticOrder.LinkForeignInterface);
        }
    }

    /// <summary>
    /// Reads the gate of the <c>use</c> statement whose path is at <paramref name="path"/>, reported where resolving
    /// the statement reads it (its first name), so that the two readings are one diagnostic.
    /// </summary>
    private void ReadUseGate(SyntaxNode item, SourceLocation path)
    {
        for (var node = item.FindToken(path.Span.Start)?.Parent; node is not null && node != item; node = node.Parent)
        {
            if (node.Kind != SyntaxKind.UseItem) continue;
            if (WitNode.From(node) is UseItemSyntax use && use.Names.FirstOrDefault()?.Name is { } first) StabilityOf(use, new SourceLocation(path.Document, first.Span));
            return;
        }
    }

    /// <summary>The local interfaces and worlds an item refers to, for ordering; unknown names are reported here.</summary>
    private List<(LocalItem, SourceLocation)> Dependencies(LocalItem item)
    {
        var result = new List<(LocalItem, SourceLocation)>();
        var syntax = item.Syntax.Syntax;
        foreach (var path in ItemUsePaths.Of(syntax, item.File))
        {
            if (path.Package is not null) continue;
            var location = path.ItemLocation(syntax, item.File);
            if (LookupLocal(path.ItemName, item.File) is { } target)
            {
                // Only references of the right kind order items; the wrong kind is reported when resolving. A cycle is
                // reported where wit-parser's edge points: the item's name when this file declares it, the path of a
                // top-level `use` of this file that names it, else (another file's item) the reference.
                if (target.Local is { } local && local.IsWorld == path.InInclude) result.Add((local, CycleLocation(path.ItemName, item.File, local) ?? location));
            }
            else if (!item.IsWorld || path.InInclude)
            {
                // wit-parser checks an interface's paths and a world's includes while ordering the items (before any
                // item's gate or types); a world's imports and exports when it resolves it, after the gate of the item
                // that holds the path.
                Report(ResolveDiagnostics.InterfaceOrWorldDoesNotExist(path.ItemName), location);
            }
        }

        return result;
    }

    private readonly struct ItemTarget
    {
        public ItemTarget(LocalItem? local, ParsedPath? foreign)
        {
            Local = local;
            Foreign = foreign;
        }

        public LocalItem? Local { get; }

        public ParsedPath? Foreign { get; }
    }

    /// <summary>
    /// Where wit-parser points a cycle through the edge from an item of <paramref name="file"/> to <paramref name="name"/>
    /// (<paramref name="target"/>): the top-level <c>use</c> of this file that names it, or its own name when this file
    /// declares it; null for an item of another file (the reference itself).
    /// </summary>
    private SourceLocation? CycleLocation(string name, SourceFile file, LocalItem target)
    {
        if (_fileScopes.TryGetValue(file, out var scope) && scope.TryGetValue(name, out var path)) return path.ItemLocation;
        return target.File == file ? target.Location : null;
    }

    /// <summary>A local name: a top-level <c>use</c> of this file, or an interface or world of this package.</summary>
    private ItemTarget? LookupLocal(string name, SourceFile file)
    {
        if (_fileScopes.TryGetValue(file, out var scope) && scope.TryGetValue(name, out var path))
        {
            if (!path.IsForeign) return _items.TryGetValue(path.ItemName, out var aliased) ? new ItemTarget(aliased, null) : null;
            return new ItemTarget(null, path);
        }

        return _items.TryGetValue(name, out var item) ? new ItemTarget(item, null) : null;
    }

    private void Report(DiagnosticMessage message, SourceLocation? location) => _resolver.Report(message, location);

    /// <summary>A name defined twice (WIT1002), pointing at the first definition as WITX1002 does.</summary>
    private void ReportDuplicate(DiagnosticMessage message, SourceLocation? location, SourceLocation? first) =>
        _resolver.Report(message, location, first is null ? null : new[] { new RelatedLocation(first.Document, first.Span, "previously defined here") });

    /// <summary>
    /// The diagnostics of checks wit-parser makes only when it links the package into its <c>Resolve</c> (gates
    /// against the package version, references to gated-off items, borrows in results, includes, case-insensitive
    /// world names, lookups into other packages), each with the step of linking in which upstream meets it (see
    /// <see cref="DiagnosticOrder.Link"/>): they are sorted after every package's own errors.
    /// </summary>
    internal Dictionary<Diagnostic, int> LinkTimeDiagnostics { get; } = new();

    /// <summary>
    /// Whether a feature gate left something of this package out. wit-parser resolves a package whole, gated-off items
    /// included, and drops them only when linking: <see cref="WitResolver"/> then checks the package again with every
    /// feature on for the errors it would have met in them.
    /// </summary>
    internal bool ExcludedAny { get; private set; }

    /// <summary>How many times a gate left something out, items taken over included (see <see cref="ItemRecord.ExcludesSome"/>).</summary>
    private int _exclusions;

    /// <summary>The "package not found" diagnostics, which wit-parser reports for gated-off paths too.</summary>
    internal HashSet<Diagnostic> UnknownPackageDiagnostics { get; } = new();

    /// <summary>The step of linking what is being resolved belongs to (see <see cref="DiagnosticOrder.Link"/>).</summary>
    private int _linkStep = DiagnosticOrder.LinkType;

    /// <summary>Runs <paramref name="resolve"/> with <see cref="_linkStep"/> set to <paramref name="step"/>.</summary>
    private void InLinkStep(int step, System.Action resolve) => InLinkStep(step, () =>
    {
        resolve();
        return true;
    });

    private T InLinkStep<T>(int step, System.Func<T> resolve)
    {
        int saved = _linkStep;
        _linkStep = step;
        try
        {
            return resolve();
        }
        finally
        {
            _linkStep = saved;
        }
    }

    /// <summary>
    /// Where wit-parser meets each diagnostic of the step of linking interfaces, which goes interface by interface (in the
    /// package's order) and in each function by function (its gate, then its types): the interface's place in
    /// <see cref="_interfaceRanks"/> in the high half, the function's start in its file in the low half. A check that
    /// runs after resolving (<see cref="ReportReferencesToExcludedAnonymousTypes"/>) takes its place among them so.
    /// </summary>
    internal Dictionary<Diagnostic, long> LinkPositions { get; } = new();

    /// <summary>Each named interface's place in the order wit-parser links the package's interfaces (its toposort).</summary>
    private readonly Dictionary<string, int> _interfaceRanks = new();

    /// <summary>The interface being resolved and the function in it (see <see cref="LinkPositions"/>).</summary>
    private int _interfaceRank;
    private int _functionPosition;

    /// <summary>The <see cref="LinkPositions"/> place of a function of an interface, or of the interface itself (<paramref name="functionStart"/> 0).</summary>
    private static long LinkPosition(int interfaceRank, int functionStart) => ((long)interfaceRank << 32) | (uint)functionStart;

    /// <summary>An interface's place in linking: a named one's in the package's order; inline ones (linked after them) last.</summary>
    private int InterfaceRank(string? name) => name is not null && _interfaceRanks.TryGetValue(name, out int rank) ? rank : int.MaxValue;

    private Diagnostic? ReportAtLink(DiagnosticMessage message, SourceLocation? location, int? step = null)
    {
        int count = _resolver.Model.Diagnostics.Count;
        Report(message, location);
        if (_resolver.Model.Diagnostics.Count == count) return null;
        var diagnostic = _resolver.Model.Diagnostics[count];
        LinkTimeDiagnostics[diagnostic] = step ?? _linkStep;
        if ((step ?? _linkStep) == DiagnosticOrder.LinkInterface) LinkPositions[diagnostic] = LinkPosition(_interfaceRank, _functionPosition);
        return diagnostic;
    }

    private bool IsExcluded(WitNode node)
    {
        if (!HasAttribute(node)) return false;
        foreach (var attribute in node.Syntax.ChildNodes())
        {
            if (attribute.Kind != SyntaxKind.Attribute || AttributeName(attribute) != "unstable") continue;
            foreach (var list in attribute.ChildNodes())
            {
                if (list.Kind != SyntaxKind.AttributeArgumentList) continue;
                foreach (var argumentNode in list.ChildNodes())
                {
                    if (WitNode.From(argumentNode) is not AttributeArgumentSyntax argument) continue;
                    if (argument.Name?.Text == "feature" && argument.Value is { } feature && !_resolver.Options.IsEnabled(Names.Unescape(feature)))
                    {
                        // wit-parser reads every gate before it drops the item: repeated or contradictory ones are errors.
                        StabilityOf(node, null);
                        ExcludedAny = true;
                        _exclusions++;
                        return true;
                    }
                }

                break;
            }
        }

        return false;
    }

    /// <summary>
    /// wit-parser drops a gated-off interface or world (inline ones too) but keeps the types in it that carry no gate
    /// of their own, and then fails on their owner: the first such type (its <c>use</c>s first, as it allocates them)
    /// is reported.
    /// </summary>
    private void ReportUngatedType(IEnumerable<WitNode> members, SourceFile file, string kind)
    {
        SyntaxToken? first = null;
        WitNode? firstMember = null;
        foreach (var member in members)
        {
            if (member is UseItemSyntax use && !IsExcluded(use) && use.Names.FirstOrDefault() is { } name && (name.Alias ?? name.Name) is { } useToken)
            {
                (first, firstMember) = (useToken, member);
                break;
            }

            if (first is null && !(member is UseItemSyntax) && TypeNameToken(member) is { } typeToken && !IsExcluded(member)) (first, firstMember) = (typeToken, member);
        }

        if (first is not { } token) return;

        // Linking reads the type's own gate first (with every type): a `@since` of an unreleased version fails there.
        int count = _resolver.Model.Diagnostics.Count;
        InLinkStep(DiagnosticOrder.LinkType, () => StabilityOf(firstMember!, Location(file, token)));
        bool gateRead = _resolver.Model.Diagnostics.Count == count;
        ReportReferencesToGatedOffTypes(members, file);
        if (gateRead)
        {
            ReportAtLink(ResolveDiagnostics.OwnerExcludedByFeature(kind), Location(file, token), kind == "world" ? DiagnosticOrder.LinkWorldOwner : DiagnosticOrder.LinkInterfaceOwner);
        }
    }

    /// <summary>
    /// In an interface or world that is gated off, its ungated types are linked all the same (wit-parser reads each
    /// type's own gate as it copies the package's types, before it looks at their owners): one that refers to a gated-off
    /// type of the same body is "a reference to a type which is excluded", reported at a record's field, else at the type,
    /// before the body's own gate is found to exclude it.
    /// </summary>
    private void ReportReferencesToGatedOffTypes(IEnumerable<WitNode> members, SourceFile file)
    {
        var gatedOff = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var member in members)
        {
            if (IsExcluded(member)) AddTypeNames(member, gatedOff);
        }

        if (gatedOff.Count == 0) return;
        foreach (var member in members)
        {
            if (member is UseItemSyntax || IsExcluded(member) || TypeNameToken(member) is not { } typeName) continue;
            foreach (var node in member.Syntax.DescendantNodes())
            {
                if (node.Kind != SyntaxKind.NamedType || WitNode.From(node) is not TypeSyntax named || named.Name is not { } nameToken) continue;
                if (!gatedOff.Contains(Names.Unescape(nameToken.Text))) continue;
                var at = ExcludedReferenceLocation(node, member.Syntax, file) ?? new SourceLocation(file.Tree.Text, typeName.Span);
                ReportAtLink(ResolveDiagnostics.ExcludedByFeature("type"), at, DiagnosticOrder.LinkType);
            }
        }
    }

    /// <summary>
    /// The attribute's name (<see cref="AttributeSyntax.Name"/>) and first argument's value, read from the red nodes
    /// directly: every item and member has its attributes read on each keystroke.
    /// </summary>
    private static string? AttributeName(SyntaxNode attribute) => AttributeNameToken(attribute)?.Text;

    private static string? FirstArgumentValue(SyntaxNode attribute)
    {
        foreach (var list in attribute.ChildNodes())
        {
            if (list.Kind != SyntaxKind.AttributeArgumentList) continue;
            foreach (var argumentNode in list.ChildNodes())
            {
                if (WitNode.From(argumentNode) is AttributeArgumentSyntax argument) return argument.Value;
            }

            return null;
        }

        return null;
    }

    /// <summary>
    /// Whether an item has an attribute, read from its green node: most items have none, and then neither the gate
    /// nor the exclusion check needs a red node of any child. The parser reads an item's attributes before anything
    /// else of it (<c>ParseAttributes</c>), so its first slot tells: the other slots of a large file's items are
    /// never touched here (each one a cache miss, 10% of resolving the 100,000-line file in a profile).
    /// </summary>
    private static bool HasAttribute(WitNode node) => HasAttribute(node.Syntax.Green);

    private static bool HasAttribute(GreenNode green) => green.SlotCount > 0 && green.GetSlot(0).Kind == SyntaxKind.Attribute;

    /// <summary>
    /// The gate of an item; a <c>@since</c> newer than the package's version is reported at <paramref name="location"/>.
    /// Repeated or contradictory gate attributes are reported at the attribute's name, as wit-parser does.
    /// </summary>
    /// <param name="reportGateVersion">
    /// False where the version of a <c>@since</c> is checked later (<see cref="ReportGateVersion"/>): a world's
    /// <c>include</c>, whose gate wit-parser reads as it applies the include, after the includes before it.
    /// </param>
    private Stability StabilityOf(WitNode node, SourceLocation? location, bool reportGateVersion = true)
    {
        // Without attributes nothing is read or reported below.
        if (!HasAttribute(node)) return Stability.Unknown;
        string? since = null, feature = null, deprecated = null;
        SyntaxToken? sinceToken = null, deprecatedToken = null;
        bool unstable = false, externalId = false, externalIdTwice = false, invalid = false;
        foreach (var attribute in node.Syntax.ChildNodes())
        {
            if (attribute.Kind != SyntaxKind.Attribute || AttributeNameToken(attribute) is not { } nameToken) continue;
            string? value = FirstArgumentValue(attribute);
            string? twice = null;
            switch (nameToken.Text)
            {
                case "since":
                    if (sinceToken is not null) twice = "@since";
                    since = value;
                    sinceToken = nameToken;
                    break;
                case "unstable":
                    if (unstable) twice = "@unstable";
                    feature = value is null ? null : Names.Unescape(value);
                    unstable = true;
                    break;
                case "deprecated":
                    if (deprecatedToken is not null) twice = "@deprecated";
                    deprecated = value;
                    deprecatedToken = nameToken;
                    break;
                case "external-id":
                    // wit-parser reads `@external-id` after the gate: its repetition is reported only when the gate is fine.
                    if (externalId) externalIdTwice = true;
                    externalId = true;
                    continue;
            }

            if (twice is not null && !invalid)
            {
                Report(ResolveDiagnostics.AttributeTwice(twice), AttributeLocation(node, nameToken, location));
                invalid = true;
            }
        }

        // Only the first problem is reported, as wit-parser stops there; the gate read is kept for the editor.
        if (!invalid && sinceToken is not null && unstable)
        {
            Report(ResolveDiagnostics.SinceAndUnstable(), AttributeLocation(node, sinceToken.Value, location));
        }
        else if (!invalid && deprecatedToken is not null && sinceToken is null && !unstable)
        {
            Report(ResolveDiagnostics.DeprecatedWithoutGate(), AttributeLocation(node, deprecatedToken.Value, location));
        }
        else if (!invalid && externalIdTwice)
        {
            ReportExternalIdTwice(node, location);
        }

        if (reportGateVersion) ReportGateVersion(since, location);
        if (feature is not null) return new Stability(null, feature, deprecated);
        return since is null && deprecated is null ? Stability.Unknown : new Stability(since, null, deprecated);
    }

    /// <summary>
    /// A <c>@since</c> version (<paramref name="since"/>, null for none) that the package cannot have: the package has no
    /// version, or an older one. Reported at link time, where wit-parser checks an item's gate.
    /// </summary>
    private void ReportGateVersion(string? since, SourceLocation? location)
    {
        if (since is not null && _package.Name.Version is null)
        {
            ReportAtLink(ResolveDiagnostics.GateVersionWithoutPackageVersion(_package.Name.ToString()), location);
        }
        else if (since is not null && _package.Name.Version is { } current && VersionComparer.Compare(since, current) > 0)
        {
            ReportAtLink(ResolveDiagnostics.UnreleasedVersion(since.ToString(), _package.Name.ToString(), current.ToString()), location);
        }
    }

    /// <summary>The version of an item's <c>@since</c> (the last one, as <see cref="StabilityOf"/> reads it), or null.</summary>
    private static string? SinceVersion(WitNode node)
    {
        if (!HasAttribute(node)) return null;
        string? since = null;
        foreach (var attribute in node.Syntax.ChildNodes())
        {
            if (attribute.Kind == SyntaxKind.Attribute && AttributeName(attribute) == "since") since = FirstArgumentValue(attribute);
        }

        return since;
    }

    private void ReportExternalIdTwice(WitNode node, SourceLocation? location)
    {
        bool seen = false;
        foreach (var attribute in node.Syntax.ChildNodes())
        {
            if (attribute.Kind != SyntaxKind.Attribute || AttributeNameToken(attribute) is not { Text: "external-id" } nameToken) continue;
            if (seen)
            {
                Report(ResolveDiagnostics.AttributeTwice("@external-id"), AttributeLocation(node, nameToken, location));
                return;
            }

            seen = true;
        }
    }

    private static SourceLocation? AttributeLocation(WitNode node, SyntaxToken name, SourceLocation? fallback) =>
        node.Syntax.Tree is { } tree ? new SourceLocation(tree.Text, name.Span) : fallback;

    private static SyntaxToken? AttributeNameToken(SyntaxNode attribute)
    {
        foreach (var token in attribute.ChildTokens())
        {
            if (token.Kind == SyntaxKind.IdentifierToken && !token.IsMissing) return token;
        }

        return null;
    }
}
