using System;
using System.Collections.Generic;
using System.Linq;
using Wit.Core.Diagnostics;
using Wit.Core.Text;
using Wit.Core.Wit.Nodes;
using Wit.Core.Workspace;

namespace Wit.Core.Semantics;

/// <summary>
/// Resolves a loaded workspace into a <see cref="WitModel"/>, following wit-parser's rules and order: dependency
/// packages first (topologically, by name), then the root's packages; per package, items in dependency order.
/// Unlike wit-parser it does not stop at the first error: a failed item becomes an error symbol, the diagnostic is
/// recorded in the order wit-parser would have met it, and resolution goes on.
/// </summary>
public sealed partial class WitResolver
{
    private readonly ResolveOptions _options;
    private readonly WitModel _model = new();
    private readonly Dictionary<PackageName, Package> _packages = new();
    private readonly List<PackageName> _knownPackageNames = new();
    private readonly HashSet<(Text.SourceText?, int, string)> _reported = new();
    private bool _skippedEncodedPackages;
    private WitModel? _previous;
    private bool _recordItems;
    private ItemState? _previousItems;
    private PackageSource? _rootSource;
    private PackageResolver? _rootResolver;
    private string _rootPath = "";
    private DiagnosticOrder _current;

    private WitResolver(ResolveOptions options)
    {
        _options = options;
    }

    internal ResolveOptions Options => _options;

    internal WitModel Model => _model;

    /// <summary>Loads <paramref name="path"/> through <paramref name="fileSystem"/> and resolves it.</summary>
    public static WitModel Resolve(IFileSystem fileSystem, string path, ResolveOptions? options = null) =>
        Resolve(WorkspaceLoader.Load(fileSystem, path), options);

    public static WitModel Resolve(LoadedWorkspace workspace, ResolveOptions? options = null) => Resolve(workspace, options, previous: null);

    /// <summary>
    /// Resolves <paramref name="workspace"/>, taking over from <paramref name="previous"/> (a model of an earlier
    /// version of the same workspace) every leading package, in resolution order, whose files are the same syntax
    /// trees: an edit re-resolves only the edited package and those resolved after it (its dependents among them).
    /// The result equals a resolution from scratch.
    /// </summary>
    public static WitModel Resolve(LoadedWorkspace workspace, ResolveOptions? options, WitModel? previous) =>
        Run(workspace, options ?? ResolveOptions.Default, previous, recordItems: false, previousItems: null)._model;

    /// <summary>
    /// Resolves <paramref name="workspace"/> as <see cref="Resolve(LoadedWorkspace, ResolveOptions?, WitModel?)"/> does,
    /// and, when the root package is resolved (the last package, alone in its source), records its items. With
    /// <paramref name="previousItems"/> (the root package's records from the previous check) and every other package
    /// taken over from <paramref name="previous"/>, the root package's unaffected items are taken over from those
    /// records: the model then lacks them (see <see cref="PackageResolver.TakenOver"/>) and only serves the check.
    /// </summary>
    internal static (WitModel Model, PackageResolver? Root) ResolveRecordingItems(LoadedWorkspace workspace, ResolveOptions options, WitModel? previous, ItemState? previousItems)
    {
        var resolver = Run(workspace, options, previous, recordItems: true, previousItems);
        return (resolver._model, resolver._rootResolver);
    }

    private static WitResolver Run(LoadedWorkspace workspace, ResolveOptions options, WitModel? previous, bool recordItems, ItemState? previousItems)
    {
        var resolver = new WitResolver(options) { _previous = previous, _recordItems = recordItems, _previousItems = previousItems };
        resolver._model.Options = options;
        resolver.Run(workspace);
        return resolver;
    }

    private void Run(LoadedWorkspace workspace)
    {
        foreach (var error in workspace.Errors) _skippedEncodedPackages |= error.IsUnsupported;
        _rootPath = workspace.RootPath;
        foreach (var (order, diagnostic) in InputDiagnostics(workspace))
        {
            _model.Diagnostics.Add(diagnostic);
            _model.DiagnosticOrders[diagnostic] = order;
        }

        // wit-parser orders the root's packages and its dependencies together, by name and version, each after the
        // packages it uses.
        _rootSource = workspace.Root;
        var packages = new List<UnresolvedPackage>();
        foreach (var source in workspace.AllSources) packages.AddRange(Unresolve(source));
        ResolveBatch(packages);

        SortDiagnostics();
    }

    /// <summary>
    /// A stable sort of the model's diagnostics into wit-parser's order (see <see cref="DiagnosticOrder"/>); within one
    /// place, the order they were met. (Not LINQ's OrderBy and ThenBy: in the native build ThenBy's generic virtual
    /// method is resolved at run time, which cost a clean check a quarter of a millisecond.)
    /// </summary>
    private void SortDiagnostics()
    {
        var diagnostics = _model.Diagnostics;
        if (diagnostics.Count < 2) return;
        var orders = _model.DiagnosticOrders;
        var keyed = new (DiagnosticOrder Order, int Index, Diagnostic Diagnostic)[diagnostics.Count];
        for (int i = 0; i < keyed.Length; i++)
        {
            keyed[i] = (orders.TryGetValue(diagnostics[i], out var order) ? order : DiagnosticOrder.Sorting, i, diagnostics[i]);
        }

        Array.Sort(keyed, static (a, b) =>
        {
            int byOrder = a.Order.CompareTo(b.Order);
            return byOrder != 0 ? byOrder : a.Index.CompareTo(b.Index);
        });
        for (int i = 0; i < keyed.Length; i++) diagnostics[i] = keyed[i].Diagnostic;
    }

    /// <summary>
    /// The <c>deps/</c> entry a path is in (its name), "" for the root, "\0" for <c>deps</c> itself (unreadable, it
    /// fails before any of its entries: "\0" sorts after the root's "" and before names).
    /// </summary>
    private static string EntryOf(string rootPath, string path)
    {
        string deps = System.IO.Path.Combine(rootPath, "deps");
        if (path == deps) return "\0";
        if (path.Length <= deps.Length + 1 || !path.StartsWith(deps, StringComparison.Ordinal) || path[deps.Length] is not ('/' or '\\')) return "";
        string rest = path.Substring(deps.Length + 1);
        int separator = rest.IndexOfAny(new[] { '/', '\\' });
        return separator < 0 ? rest : rest.Substring(0, separator);
    }

    /// <summary>
    /// The load errors and syntax errors in wit-parser's order: it reads and parses the root package first, then each
    /// <c>deps/</c> entry in name order, a package's unreadable file before any of its syntax.
    /// </summary>
    private static List<(DiagnosticOrder Order, Diagnostic Diagnostic)> InputDiagnostics(LoadedWorkspace workspace)
    {
        var found = new List<(DiagnosticOrder, Diagnostic)>();
        foreach (var error in workspace.Errors)
        {
            found.Add((DiagnosticOrder.Load(EntryOf(workspace.RootPath, error.Path)), new Diagnostic(error.Diagnostic, new TextSpan(0, 0), document: SourceText.From(string.Empty, error.Path))));
        }

        foreach (var source in workspace.AllSources)
        {
            string entry = source.IsRoot ? "" : EntryOf(workspace.RootPath, source.Path);
            for (int i = 0; i < source.Files.Count; i++)
            {
                var file = source.Files[i];
                foreach (var diagnostic in file.Tree.Diagnostics) found.Add((DiagnosticOrder.Syntax(entry, i), diagnostic.WithDocument(file.Tree.Text)));
            }
        }

        return found;
    }

    /// <summary>What makes two diagnostics the same problem: the document, where in it, and the message.</summary>
    private static (SourceText?, int, string) ReportKey(Diagnostic diagnostic) =>
        (diagnostic.Document, diagnostic.Document is null ? -1 : diagnostic.Span.Start, diagnostic.Message);

    internal void Report(DiagnosticMessage message, SourceLocation? location, IReadOnlyList<RelatedLocation>? related = null)
    {
        var diagnostic = location is null
            ? new Diagnostic(message, new TextSpan(0, 0), related: related)
            : new Diagnostic(message, location.Span, document: location.Document, related: related);
        // The same problem can be met twice (ordering, then resolving); it is reported once.
        if (!_reported.Add(ReportKey(diagnostic))) return;
        _model.Diagnostics.Add(diagnostic);
        _model.DiagnosticOrders[diagnostic] = _current;
    }

    /// <summary>Splits a source into its main package (from the files' <c>package</c> declarations) and nested packages.</summary>
    private List<UnresolvedPackage> Unresolve(PackageSource source)
    {
        string entry = source.IsRoot ? "" : EntryOf(_rootPath, source.Path);
        var main = new UnresolvedPackage(source) { Order = DiagnosticOrder.Main(entry) };
        var result = new List<UnresolvedPackage>();
        for (int fileIndex = 0; fileIndex < source.Files.Count; fileIndex++)
        {
            var file = source.Files[fileIndex];
            if (WitNode.From(file.Tree.Root) is not WitDocumentSyntax document) continue;
            _current = DiagnosticOrder.AddedToMain(entry, fileIndex);
            var nested = new List<NestedPackageSyntax>();
            foreach (var item in document.Items)
            {
                switch (item)
                {
                    case PackageDeclarationSyntax declaration:
                        if (ToPackageName(declaration.PackageName) is not { } name) break;
                        var location = new SourceLocation(file.Tree.Text, declaration.PackageName!.Span);
                        if (main.Name is null)
                        {
                            main.Name = name;
                            main.NameLocation = location;
                            main.Docs = Docs.Of(declaration);
                        }
                        else if (!main.Name.Equals(name))
                        {
                            Report(ResolveDiagnostics.PackageNameMismatch(name.ToString(), main.Name.ToString()), location);
                        }
                        else if (Docs.Of(declaration) is { } docs)
                        {
                            // At most one of the package's `package` declarations may carry docs (comments included).
                            if (main.Docs is null) main.Docs = docs;
                            else Report(ResolveDiagnostics.DocsOnMultiplePackages(), new SourceLocation(file.Tree.Text, Docs.SpanOf(declaration)!.Value));
                        }

                        break;
                    case NestedPackageSyntax nestedPackage:
                        nested.Add(nestedPackage);
                        break;
                    case InterfaceSyntax or WorldSyntax or TopLevelUseSyntax:
                        main.Items.Add((file, item));
                        break;
                }
            }

            // A nested package is one level deep: one inside it is reported, as wit-parser does.
            _current = DiagnosticOrder.Nested(entry, fileIndex);
            foreach (var block in nested)
            {
                if (ToPackageName(block.PackageName) is not { } name) continue;
                var package = new UnresolvedPackage(source)
                {
                    Name = name,
                    NameLocation = new SourceLocation(file.Tree.Text, block.PackageName!.Span),
                    Docs = Docs.Of(block),
                    Order = DiagnosticOrder.Nested(entry, fileIndex),
                };
                foreach (var item in block.Items)
                {
                    if (item is InterfaceSyntax or WorldSyntax or TopLevelUseSyntax) package.Items.Add((file, item));
                    else if (item is NestedPackageSyntax inner && inner.PackageName is { } innerName)
                    {
                        // Its items are left out: wit-parser stops here.
                        Report(ResolveDiagnostics.NestedPackageNotAtTopLevel(), new SourceLocation(file.Tree.Text, innerName.Span));
                    }
                }

                result.Add(package);
            }
        }

        // wit-parser collects a source's nested packages before its main package, which needs a header even when its
        // files hold nothing but nested packages.
        _current = main.Order;
        if (main.Name is not null) result.Add(main);
        else if (main.Items.Count > 0 || source.Files.Count > 0 || source.IsDirectory)
        {
            var document = main.Items.Count > 0 ? main.Items[0].File.Tree.Text : source.Files.Count > 0 ? source.Files[0].Tree.Text : SourceText.From(string.Empty, source.Path);
            Report(ResolveDiagnostics.NoPackageHeader(), new SourceLocation(document, new TextSpan(0, 0)));
        }

        foreach (var package in result) CollectForeignDependencies(package);
        return result;
    }

    internal static PackageName? ToPackageName(PackageNameSyntax? syntax)
    {
        if (syntax is null) return null;
        var identifiers = syntax.Identifiers.Select(t => Names.Unescape(t.Text)).ToList();
        int colons = syntax.Syntax.ChildTokens().Count(t => t.Kind == Syntax.SyntaxKind.ColonToken && !t.IsMissing);
        if (identifiers.Count < 2 || colons == 0 || colons >= identifiers.Count) return null;
        string ns = string.Join(":", identifiers.Take(colons));
        string name = identifiers[colons];
        return new PackageName(ns, name, syntax.Version?.Text);
    }

    /// <summary>
    /// The nodes that can hold a <c>use</c> path: the walk for foreign packages descends only through them, not
    /// through type definitions and functions (most of a file), which keeps it cheap on every keystroke.
    /// </summary>
    internal static bool MayContainUsePath(Syntax.SyntaxKind kind) => kind is Syntax.SyntaxKind.Interface or Syntax.SyntaxKind.InterfaceBody
        or Syntax.SyntaxKind.World or Syntax.SyntaxKind.WorldBody or Syntax.SyntaxKind.ImportItem or Syntax.SyntaxKind.ExportItem
        or Syntax.SyntaxKind.InlineInterface or Syntax.SyntaxKind.IncludeItem or Syntax.SyntaxKind.UseItem or Syntax.SyntaxKind.TopLevelUse;

    private static void CollectForeignDependencies(UnresolvedPackage package)
    {
        // A path naming the package's own name counts too: wit-parser treats it as a foreign dependency, which then
        // forms a cycle of one package ("package `a:b` creates a dependency cycle").
        var seen = new HashSet<PackageName>();
        foreach (var (file, item) in package.Items)
        {
            foreach (var path in ItemUsePaths.Of(item.Syntax, file))
            {
                if (path.Package is not { } dependency) continue;
                if (seen.Add(dependency)) package.ForeignDependencies.Add((dependency, path.PathLocation(item.Syntax, file)));
            }
        }
    }

    /// <summary>
    /// Orders a batch of packages so that each comes after the packages it uses (wit-parser's order: by name, then
    /// depth first), reports cycles and duplicate names, and resolves them in that order.
    /// </summary>
    private void ResolveBatch(List<UnresolvedPackage> batch)
    {
        _current = DiagnosticOrder.Sorting;
        // Duplicates are found in wit-parser's collection order: the root's packages, then each dependency's; the
        // later of two packages of the same name is the one reported.
        var byName = new SortedDictionary<PackageName, UnresolvedPackage>(PackageNameComparer.Instance);
        foreach (var package in batch.Where(p => p.Source == _rootSource).Concat(batch.Where(p => p.Source != _rootSource)))
        {
            if (byName.TryGetValue(package.Name!, out var previous))
            {
                Report(ResolveDiagnostics.PackageDefinedTwice($"{package.Name}", $"{package.NameLocation}", $"{previous.NameLocation}"),
                    package.NameLocation,
                    new[] { new RelatedLocation(previous.NameLocation!.Document, previous.NameLocation.Span, "previously defined here") });
                continue;
            }

            byName[package.Name!] = package;
            _knownPackageNames.Add(package.Name!);
        }

        var order = TopologicalSort.UpstreamOrder<UnresolvedPackage, SourceLocation>(byName.Values,
            package => package.ForeignDependencies.Where(d => byName.ContainsKey(d.Name)).Select(d => (byName[d.Name], d.Location)),
            (dependency, location) => Report(ResolveDiagnostics.PackageDependencyCycle($"{dependency.Name}"), location));
        _model.KnownPackageNames.AddRange(_knownPackageNames);
        bool reusing = _previous is not null && ReferenceEquals(_previous.Options, _options)
            && _previous.KnownPackageNames.SequenceEqual(_knownPackageNames);
        bool samePackages = reusing;
        int position = 0, takenOver = 0;
        foreach (var package in order)
        {
            var trees = package.Source.Files.Select(f => f.Tree).ToList();
            var reusable = reusing && position < _previous!.PackageRecords.Count && _previous.PackageRecords[position].SameInput(package.Name!, trees)
                ? _previous.PackageRecords[position]
                : null;
            reusing = reusable is not null;
            position++;
            if (reusable is not null && TakeOver(reusable))
            {
                takenOver++;
                continue;
            }

            reusing = false;
            var record = new ResolvedPackageRecord(package.Name!, trees);
            var before = Counts();

            // The root package alone in its source, last: its items may be recorded, and taken over from the previous
            // check's records when the packages are the same and every one before it was taken over (their objects
            // are what the records refer to).
            bool root = _recordItems && position == order.Count && package.Source == _rootSource && batch.Count(p => p.Source == package.Source) == 1;
            bool sameDependencies = samePackages && takenOver == position - 1;
            var resolver = new PackageResolver(this, package, recordItems: root, previousItems: root && sameDependencies ? _previousItems : null);
            _current = package.Order;
            resolver.Resolve();
            if (resolver.ExcludedAny) AddGatedOffErrors(package, before.Diagnostics, resolver);
            // What linking checks comes after every package was resolved by itself, package by package.
            foreach (var entry in resolver.LinkTimeDiagnostics)
            {
                _model.DiagnosticOrders[entry.Key] = entry.Value == DiagnosticOrder.ValidateStep ? DiagnosticOrder.Validate(position)
                    : DiagnosticOrder.Link(position, entry.Value, resolver.LinkPositions.TryGetValue(entry.Key, out long place) ? place : 0);
            }
            _current = DiagnosticOrder.Sorting;
            if (root) _rootResolver = resolver;
            if (resolver.TakenOver.Count > 0) continue;
            TypeArenaOrder.Apply(_model, before.Types, before.Interfaces, before.Worlds);
            Finish(record, before);
        }
    }

    private (int Packages, int Interfaces, int Worlds, int Types, int Diagnostics, int References) Counts() =>
        (_model.Packages.Count, _model.Interfaces.Count, _model.Worlds.Count, _model.Types.Count, _model.Diagnostics.Count, _model.References.Count);

    private void Finish(ResolvedPackageRecord record, (int Packages, int Interfaces, int Worlds, int Types, int Diagnostics, int References) before)
    {
        var after = Counts();
        record.Packages = (before.Packages, after.Packages);
        record.Interfaces = (before.Interfaces, after.Interfaces);
        record.Worlds = (before.Worlds, after.Worlds);
        record.Types = (before.Types, after.Types);
        record.Diagnostics = _model.Diagnostics.GetRange(before.Diagnostics, after.Diagnostics - before.Diagnostics);
        record.References = (before.References, after.References);
        _model.PackageRecords.Add(record);
    }

    /// <summary>
    /// Copies a package resolved by the previous model into this one. The arena entries keep their indices, which
    /// holds only while every earlier package was taken over too (checked: a mismatch resolves it afresh instead).
    /// </summary>
    private bool TakeOver(ResolvedPackageRecord old)
    {
        var previous = _previous!;
        if (old.Packages.Start != _model.Packages.Count || old.Interfaces.Start != _model.Interfaces.Count
            || old.Worlds.Start != _model.Worlds.Count || old.Types.Start != _model.Types.Count)
        {
            return false;
        }

        var before = Counts();
        for (int i = old.Packages.Start; i < old.Packages.End; i++)
        {
            var package = previous.Packages[i];
            _model.Packages.Add(package);
            _packages[package.Name] = package;
        }

        for (int i = old.Interfaces.Start; i < old.Interfaces.End; i++) _model.Interfaces.Add(previous.Interfaces[i]);
        for (int i = old.Worlds.Start; i < old.Worlds.End; i++) _model.Worlds.Add(previous.Worlds[i]);
        for (int i = old.Types.Start; i < old.Types.End; i++) _model.Types.Add(previous.Types[i]);
        foreach (var diagnostic in old.Diagnostics)
        {
            if (!_reported.Add(ReportKey(diagnostic))) continue;
            _model.Diagnostics.Add(diagnostic);
            _model.DiagnosticOrders[diagnostic] = previous.DiagnosticOrders.TryGetValue(diagnostic, out var order) ? order : DiagnosticOrder.Sorting;
        }

        for (int i = old.References.Start; i < old.References.End; i++) _model.References.Add(previous.References[i]);
        var record = new ResolvedPackageRecord(old.Name, old.Trees);
        Finish(record, before);
        _model.ReusedPackages++;
        return true;
    }


    /// <summary>True when a package name is known, or could be: one of the skipped encoded packages may define it.</summary>
    internal bool IsKnownPackage(PackageName name) => _knownPackageNames.Contains(name) || _skippedEncodedPackages;

    internal Package? FindPackage(PackageName name) => _packages.TryGetValue(name, out var package) ? package : null;

    /// <summary>
    /// wit-parser lists the packages already added to its <c>Resolve</c>: those resolved so far, in resolution order,
    /// and the one being resolved.
    /// </summary>
    /// <summary>The names of the packages known so far and <paramref name="current"/>'s, each once, for a "not found" message.</summary>
    internal IReadOnlyList<string> KnownPackages(PackageName current) =>
        _model.Packages.Select(p => p.Name).Append(current).Select(n => n.ToString()).Distinct().ToList();

    internal void AddPackage(Package package)
    {
        package.Index = _model.Packages.Count;
        _model.Packages.Add(package);
        _packages[package.Name] = package;
    }

    internal void AddInterface(Interface @interface)
    {
        @interface.Index = _model.Interfaces.Count;
        _model.Interfaces.Add(@interface);
    }

    internal void AddWorld(World world)
    {
        world.Index = _model.Worlds.Count;
        _model.Worlds.Add(world);
    }

    internal void AddType(TypeDefinition type)
    {
        type.Index = _model.Types.Count;
        _model.Types.Add(type);
    }

    private sealed class PackageNameComparer : IComparer<PackageName>
    {
        public static readonly PackageNameComparer Instance = new();

        public int Compare(PackageName? x, PackageName? y)
        {
            int c = string.CompareOrdinal(x!.Namespace, y!.Namespace);
            if (c != 0) return c;
            c = string.CompareOrdinal(x.Name, y.Name);
            if (c != 0) return c;
            if (x.Version is null || y.Version is null) return x.Version is null ? (y.Version is null ? 0 : -1) : 1;
            c = VersionComparer.Compare(x.Version, y.Version);
            return c != 0 ? c : string.CompareOrdinal(x.Version, y.Version);
        }
    }
}
