using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Wit.Core.Diagnostics;
using Wit.Core.Semantics;
using Wit.Core.Text;
using Wit.Core.Workspace;

namespace Wit.Core.Lint;

/// <summary>
/// A workspace's diagnostics, the resolver's and the lint's, computed incrementally across edits. Packages whose
/// files did not change are taken over from the previous check (as <see cref="WitResolver"/> does); within the edited
/// root package, an interface or world whose text did not change and that depends on nothing that changed keeps its
/// results from the previous check, moved to where the item now is. Only the changed items and their dependents are
/// resolved and linted again, so a keystroke costs about one item, not the package. The diagnostics always equal
/// those of a check from scratch (the differential tests say so); the full <see cref="WitModel"/>, which taken-over
/// items are missing from, is resolved on demand by <see cref="GetModel"/>.
/// </summary>
public sealed class WorkspaceCheck
{
    /// <summary>How many earlier document versions the item records may hold on to before a check starts afresh.</summary>
    internal const int MaxStaleDocuments = 8;

    /// <summary>
    /// How long those earlier versions may be together (UTF-16 code units): the current texts' length, or 2M when
    /// that is less. Eight versions of a 150 KB file stay below it; a 2 MB document keeps one.
    /// </summary>
    internal const long MinStaleLengthBound = 2 * 1024 * 1024;

    private readonly ResolveOptions _options;
    private readonly LintOptions? _lintOptions;
    private readonly WitModel _resolved;
    private readonly ItemState? _items;
    private readonly object _gate = new();
    private WitModel? _model;

    private WorkspaceCheck(LoadedWorkspace workspace, ResolveOptions options, LintOptions? lintOptions, WitModel resolved, bool complete, ItemState? items,
        IReadOnlyList<Diagnostic> resolveDiagnostics, IReadOnlyList<Diagnostic> lintDiagnostics, int resolvedItems, int takenOverItems)
    {
        Workspace = workspace;
        _options = options;
        _lintOptions = lintOptions;
        _resolved = resolved;
        _model = complete ? resolved : null;
        _items = items;
        ResolveDiagnostics = resolveDiagnostics;
        LintDiagnostics = lintDiagnostics;
        ResolvedItems = resolvedItems;
        TakenOverItems = takenOverItems;
    }

    public LoadedWorkspace Workspace { get; }

    /// <summary>Everything the loader and resolver report, for every file of the workspace.</summary>
    public IReadOnlyList<Diagnostic> ResolveDiagnostics { get; }

    /// <summary>The lint results for the root package, in source order (empty when linting is off).</summary>
    public IReadOnlyList<Diagnostic> LintDiagnostics { get; }

    /// <summary>What the next check of the workspace may take over (null when this check recorded no items).</summary>
    internal ItemState? Items => _items;

    /// <summary>How many of the root package's interfaces and worlds this check resolved.</summary>
    public int ResolvedItems { get; }

    /// <summary>How many it took over from the previous check.</summary>
    public int TakenOverItems { get; }

    /// <summary>Whether the full model is at hand (this check resolved every item, or it was asked for already).</summary>
    public bool HasModel => Volatile.Read(ref _model) is not null;

    /// <summary>
    /// The resolved model of the workspace: this check's, when it resolved everything; otherwise resolved now (once),
    /// taking over every unchanged package.
    /// </summary>
    public WitModel GetModel()
    {
        if (Volatile.Read(ref _model) is { } model) return model;
        lock (_gate)
        {
            return _model ??= WitResolver.Resolve(Workspace, _options, _resolved);
        }
    }

    /// <summary>
    /// Checks <paramref name="workspace"/> (lint too, with <paramref name="lintOptions"/> when not null), taking over
    /// what it can from <paramref name="previous"/>, a check of an earlier version of the same workspace.
    /// </summary>
    public static WorkspaceCheck Run(LoadedWorkspace workspace, ResolveOptions options, LintOptions? lintOptions, WorkspaceCheck? previous)
    {
        if (workspace is null) throw new ArgumentNullException(nameof(workspace));
        options ??= ResolveOptions.Default;
        var previousItems = previous is not null && ReferenceEquals(previous._lintOptions, lintOptions) && previous._items is { } items
            && WithinStaleBounds(items, CurrentTexts(workspace))
            ? items
            : null;
        var baseModel = previous?._resolved;
        return TryRun(workspace, options, lintOptions, baseModel, previousItems)
            ?? TryRun(workspace, options, lintOptions, baseModel, null)
            ?? throw new InvalidOperationException("A check without taken-over items cannot fail to move them.");
    }

    /// <summary>A check; null when taken-over results could not be moved to the current text (then it is run without them).</summary>
    private static WorkspaceCheck? TryRun(LoadedWorkspace workspace, ResolveOptions options, LintOptions? lintOptions, WitModel? baseModel, ItemState? previousItems)
    {
        long newestBefore = TypeDefinition.NewestSerial;
        var (model, root) = WitResolver.ResolveRecordingItems(workspace, options, baseModel, previousItems);
        bool lint = lintOptions is not null && workspace.Root is not null;
        if (root?.Items is not { } state)
        {
            var lintDiagnostics = lint ? WitLinter.Lint(workspace, model, lintOptions!) : Array.Empty<Diagnostic>();
            return new WorkspaceCheck(workspace, options, lintOptions, model, complete: true, null, model.Diagnostics, lintDiagnostics, 0, 0);
        }

        var mover = new Mover(root.TakenOver);
        var resolveDiagnostics = new List<Diagnostic>(model.Diagnostics.Count + root.TakenOver.Sum(t => t.Record.Diagnostics.Count));
        foreach (var diagnostic in model.Diagnostics)
        {
            if (mover.Move(diagnostic) is not { } moved) return null;
            resolveDiagnostics.Add(moved);
        }

        foreach (var (record, file, fullSpan) in root.TakenOver)
        {
            foreach (var diagnostic in record.Diagnostics) resolveDiagnostics.Add(Mover.Shift(diagnostic, record, file, fullSpan));
        }

        // The resolver reports a problem met twice once, but only within one run: a fresh item may meet again what a
        // taken-over item met (the same unknown package, named in a world and in the world it includes).
        RemoveRepeats(resolveDiagnostics);

        var lintResults = new List<Diagnostic>();
        if (lint)
        {
            // The resolver records items only for the root package when it is alone in its source and last
            // (WitResolver.ResolveBatch), so the last package is the one PackageLookup.FindRoot names.
            var package = model.Packages[model.Packages.Count - 1];
            // What the root package's names refer to (packages resolved before it cannot refer into it).
            var referenced = new HashSet<TypeDefinition>();
            for (int i = root.ReferencesStart; i < model.References.Count; i++)
            {
                if (model.References[i].Target is TypeDefinition type) referenced.Add(type);
            }

            foreach (var (record, _, _) in root.TakenOver) referenced.UnionWith(record.ReferencedTypes);
            long freshWidth = root.Fresh.Sum(r => (long)r.FullSpan.Length);
            long totalWidth = freshWidth + root.TakenOver.Sum(t => (long)t.FullSpan.Length);
            bool keepAbi = previousItems?.Abi is not null && previousItems.AbiChecks < ItemState.MaxAbiChecks
                && 2 * (previousItems.AbiStaleWidth + freshWidth) <= totalWidth;
            var abi = keepAbi ? previousItems!.Abi! : new Abi.CanonicalAbi();
            state.Abi = abi;
            state.AbiChecks = keepAbi ? previousItems!.AbiChecks + 1 : 0;
            state.AbiStaleWidth = keepAbi ? previousItems!.AbiStaleWidth + freshWidth : 0;
            var linter = new WitLinter.ItemLinter(lintOptions!, referenced, abi);
            state.GatedPackage = WitLinter.UsesSince(package);
            linter.GatedPackage = state.GatedPackage ? package : null;

            // Taken-over results were linted under the same @since rule, or are linted again.
            if (previousItems is not null && root.TakenOver.Count > 0 && previousItems.GatedPackage != state.GatedPackage) return null;
            foreach (var record in root.Fresh)
            {
                var results = new List<Diagnostic>();
                linter.Lint(record.Interface, record.World, results);
                // A fresh item's lint may point into a taken-over item, whose objects still carry the positions of
                // the text it was resolved in: a world reports the types it copies by `include` where the included
                // world defines them. Those are moved like the resolver's diagnostics.
                if (!MoveAll(mover, results)) return null;
                record.Lint = results;
                record.Cacheable &= results.TrueForAll(d => record.Contains(d.Document, d.Span));
                lintResults.AddRange(results);
            }

            foreach (var (record, file, fullSpan) in root.TakenOver)
            {
                foreach (var diagnostic in record.Lint) lintResults.Add(Mover.Shift(diagnostic, record, file, fullSpan));
            }

            // Unused `use`s depend on what every item refers to: asked for each item, reported again only when the
            // answer changed (the messages and the suppression comments are the same otherwise).
            // A fresh record's answer is moved like its other lint (see above); a taken-over one's stays in its
            // record's text and is shifted with the item below.
            List<Diagnostic>? Unused(ItemRecord record, bool fresh)
            {
                var types = linter.UnusedTypes(record.Interface, record.World);
                if (record.Unused is { } cached && SameObjects(cached.Types, types)) return cached.Diagnostics;
                var diagnostics = new List<Diagnostic>();
                linter.ReportUnused(types, diagnostics);
                if (fresh && !MoveAll(mover, diagnostics)) return null;
                if (!diagnostics.TrueForAll(d => record.Contains(d.Document, d.Span)))
                {
                    // Reported outside the item (a world's unused `use` copied in by `include` is reported where the
                    // included world has it): a taken-over record's answers move with it, so rerun without taking
                    // over; a fresh one's are right, but it is not taken over next time. (Returning null here for a
                    // fresh record made the run without taken-over items return null too: a fuzz-found crash.)
                    if (!fresh) return null;
                    record.Cacheable = false;
                }
                record.Unused = (types, diagnostics);
                return diagnostics;
            }

            foreach (var record in root.Fresh)
            {
                if (Unused(record, fresh: true) is not { } diagnostics) return null;
                lintResults.AddRange(diagnostics);
            }

            foreach (var (record, file, fullSpan) in root.TakenOver)
            {
                if (Unused(record, fresh: false) is not { } diagnostics) return null;
                foreach (var diagnostic in diagnostics) lintResults.Add(Mover.Shift(diagnostic, record, file, fullSpan));
            }

            WitLinter.Sort(lintResults);
            RemoveRepeats(lintResults);

            // The layouts of the types this check made are met again only if their item is taken over next time, and
            // they were a third of an open document's memory: the ABI keeps those of older types (taken-over items,
            // dependencies), which the next check meets as the same objects.
            abi.Forget(type => type.Serial > newestBefore);
        }

        bool complete = root.TakenOver.Count == 0;
        return new WorkspaceCheck(workspace, options, lintOptions, model, complete, state, complete ? model.Diagnostics : resolveDiagnostics, lintResults,
            root.Fresh.Count, root.TakenOver.Count);
    }

    /// <summary>
    /// Drops a diagnostic that repeats an earlier one (code, place and message), keeping the order. The lint
    /// reports a function or type once however many worlds hold it, but only within one check: a world linted again
    /// reports the functions it copies by <c>include</c> from a taken-over world, which reported them already.
    /// </summary>
    private static void RemoveRepeats(List<Diagnostic> diagnostics)
    {
        var seen = new HashSet<Diagnostic>(SamePlaceAndMessage.Instance);
        diagnostics.RemoveAll(d => !seen.Add(d));
    }

    /// <summary>
    /// Code, place and message equal. The hash leaves the message out, so a lint message (written when read: a
    /// catalogue's factory may give its descriptor a function that writes it) is written only for diagnostics at the same place.
    /// </summary>
    private sealed class SamePlaceAndMessage : IEqualityComparer<Diagnostic>
    {
        public static readonly SamePlaceAndMessage Instance = new();

        public bool Equals(Diagnostic? a, Diagnostic? b) =>
            ReferenceEquals(a, b) || a is not null && b is not null && a.Code == b.Code && ReferenceEquals(a.Document, b.Document) && a.Span == b.Span && a.Message == b.Message;

        public int GetHashCode(Diagnostic diagnostic) => (diagnostic.Code, diagnostic.Document, diagnostic.Span).GetHashCode();
    }

    /// <summary>Moves each diagnostic to the current text (see <see cref="Mover"/>); false when one cannot be moved.</summary>
    private static bool MoveAll(Mover mover, List<Diagnostic> diagnostics)
    {
        for (int i = 0; i < diagnostics.Count; i++)
        {
            if (mover.Move(diagnostics[i]) is not { } moved) return false;
            diagnostics[i] = moved;
        }

        return true;
    }

    private static bool SameObjects(List<TypeDefinition> a, List<TypeDefinition> b)
    {
        if (a.Count != b.Count) return false;
        for (int i = 0; i < a.Count; i++)
        {
            if (!ReferenceEquals(a[i], b[i])) return false;
        }

        return true;
    }

    private static bool WithinStaleBounds(ItemState items, Dictionary<string, SourceText> current)
    {
        var (count, length) = items.StaleDocuments(current);
        return count <= MaxStaleDocuments && length <= Math.Max(MinStaleLengthBound, current.Values.Sum(t => (long)t.Length));
    }

    private static Dictionary<string, SourceText> CurrentTexts(LoadedWorkspace workspace)
    {
        var result = new Dictionary<string, SourceText>(StringComparer.Ordinal);
        foreach (var source in workspace.AllSources)
        {
            foreach (var file in source.Files) result[file.Path] = file.Tree.Text;
        }

        return result;
    }

    /// <summary>
    /// Moves diagnostics from the text a taken-over item was resolved in to the current text. A diagnostic of a
    /// text no item was taken over from stays as it is; one in such a text but outside those items cannot be moved (null).
    /// </summary>
    private sealed class Mover
    {
        private readonly Dictionary<SourceText, List<(ItemRecord Record, SourceFile File, TextSpan FullSpan)>> _byDocument = new();
        public Mover(List<(ItemRecord Record, SourceFile File, TextSpan FullSpan)> takenOver)
        {
            foreach (var entry in takenOver)
            {
                if (ReferenceEquals(entry.Record.Document, entry.File.Tree.Text) && entry.Record.FullSpan.Start == entry.FullSpan.Start) continue;
                if (!_byDocument.TryGetValue(entry.Record.Document, out var list)) _byDocument[entry.Record.Document] = list = new();
                list.Add(entry);
            }
        }

        public Diagnostic? Move(Diagnostic diagnostic)
        {
            if (diagnostic.Document is not { } document) return diagnostic;
            var (moved, span) = Move(document, diagnostic.Span);
            if (moved is null) return null;
            List<RelatedLocation>? related = null;
            for (int i = 0; i < diagnostic.Related.Count; i++)
            {
                var location = diagnostic.Related[i];
                var (relatedDocument, relatedSpan) = Move(location.Document, location.Span);
                if (relatedDocument is null) return null;
                if (related is null && (relatedDocument != location.Document || relatedSpan != location.Span)) related = diagnostic.Related.Take(i).ToList();
                related?.Add(new RelatedLocation(relatedDocument, relatedSpan, location.Message));
            }

            return moved == document && span == diagnostic.Span && related is null
                ? diagnostic
                : diagnostic.MovedTo(span, moved, related ?? diagnostic.Related);
        }

        private (SourceText? Document, TextSpan Span) Move(SourceText document, TextSpan span)
        {
            if (!_byDocument.TryGetValue(document, out var entries)) return (document, span);
            foreach (var (record, file, fullSpan) in entries)
            {
                if (record.Contains(document, span)) return (file.Tree.Text, new TextSpan(span.Start + fullSpan.Start - record.FullSpan.Start, span.Length));
            }

            return (null, span);
        }

        /// <summary>A taken-over item's own diagnostic (inside the item, in its record's text), moved with the item.</summary>
        public static Diagnostic Shift(Diagnostic diagnostic, ItemRecord record, SourceFile file, TextSpan fullSpan)
        {
            int delta = fullSpan.Start - record.FullSpan.Start;
            var document = file.Tree.Text;
            if (delta == 0 && ReferenceEquals(document, diagnostic.Document)) return diagnostic;
            var related = diagnostic.Related.Count == 0
                ? diagnostic.Related
                : diagnostic.Related.Select(r => new RelatedLocation(document, new TextSpan(r.Span.Start + delta, r.Span.Length), r.Message)).ToList();
            return diagnostic.MovedTo(new TextSpan(diagnostic.Span.Start + delta, diagnostic.Span.Length), document, related);
        }
    }
}
