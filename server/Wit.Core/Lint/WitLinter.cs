using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using Wit.Core.Abi;
using Wit.Core.Diagnostics;
using Wit.Core.Semantics;
using Wit.Core.Text;
using Wit.Core.Workspace;

namespace Wit.Core.Lint;

/// <summary>
/// Reports the <see cref="LintDiagnostics"/> rules over the root package of a resolved model (as
/// <see cref="PackageLookup.FindRoot"/> finds it, and any other package declared in the same document); dependencies
/// are not linted. An item is exempt from a rule when a
/// comment <c>// wit-lint: allow(WIT2001)</c> (codes comma-separated) is on its line or in the comments and
/// attributes directly above it.
/// </summary>
public static class WitLinter
{
    /// <summary>Bytes of fixed-size data copied through memory per call above which WIT2005 fires.</summary>
    public const long LargeCopyThreshold = 256;

    /// <summary>
    /// Lints the root package of <paramref name="model"/> (resolved from <paramref name="workspace"/>; see
    /// <see cref="PackageLookup.FindRoot"/>) and the packages nested in its file, and returns the diagnostics in source order.
    /// </summary>
    public static IReadOnlyList<Diagnostic> Lint(LoadedWorkspace workspace, WitModel model, LintOptions options)
    {
        if (workspace is null) throw new ArgumentNullException(nameof(workspace));
        if (model is null) throw new ArgumentNullException(nameof(model));
        var results = new List<Diagnostic>();
        var lookup = PackageLookup.For(workspace, model);
        if (lookup.Root is null) return results;
        var linter = new ItemLinter(options ?? LintOptions.Default, ReferencedTypes(model.References.Select(r => r.Target)));
        foreach (var package in model.Packages)
        {
            if (!lookup.IsRootOrNestedInIt(package)) continue;
            linter.GatedPackage = UsesSince(package) ? package : null;
            foreach (var @interface in package.Interfaces.Values)
            {
                linter.Lint(@interface, null, results);
                linter.UnusedUses(@interface, null, results);
            }

            foreach (var world in package.Worlds.Values)
            {
                linter.Lint(null, world, results);
                linter.UnusedUses(null, world, results);
            }
        }

        Sort(results);
        return results;
    }

    internal static HashSet<TypeDefinition> ReferencedTypes(IEnumerable<object> targets) => new(targets.OfType<TypeDefinition>());

    /// <summary>Source order: by document path, then position.</summary>
    internal static void Sort(List<Diagnostic> results) => results.Sort((a, b) =>
    {
        int byPath = string.CompareOrdinal(a.Document?.Path, b.Document?.Path);
        return byPath != 0 ? byPath : a.Span.Start.CompareTo(b.Span.Start);
    });

    /// <summary>
    /// Lints one interface or world at a time: every rule but the unused-<c>use</c> one, which asks what other items
    /// refer to (<see cref="UnusedUses"/>), so that an item's other results can be kept while other items change.
    /// </summary>
    internal sealed class ItemLinter
    {
        private readonly Context _context;
        private readonly CanonicalAbi _abi;
        private readonly HashSet<TypeDefinition> _referenced;

        /// <param name="abi">The layouts computed so far (kept across checks, most types being the same objects).</param>
        public ItemLinter(LintOptions options, HashSet<TypeDefinition> referenced, CanonicalAbi? abi = null)
        {
            _context = new Context(options);
            _referenced = referenced;
            _abi = abi ?? new CanonicalAbi();
        }

        /// <summary>The package being linted when it gates items with <c>@since</c> (WIT2007 applies); null otherwise.</summary>
        public Package? GatedPackage
        {
            get => _context.GatedPackage;
            set => _context.GatedPackage = value;
        }

        public void Lint(Interface? @interface, World? world, List<Diagnostic> into)
        {
            var context = _context.Into(into);
            if (@interface is not null)
            {
                var location = @interface.Location;
                var subject = new Subject("interface", @interface.Name, quoted: true);
                context.Docs(@interface.Docs, location, subject);
                context.Deprecated(@interface.Stability, @interface.Docs, location, subject);
                context.Since(@interface.Stability, Stability.Unknown, location, subject);
                foreach (var type in @interface.Types.Values) LintType(context, type, @interface, @interface.Stability);
                foreach (var function in @interface.Functions.Values)
                {
                    if (function.Resource is { } resource && function.Kind is not (FunctionKind.Freestanding or FunctionKind.Constructor))
                        Stutter(context, function.ItemName, function.Location, resource.Name, "resource");
                }

                foreach (var function in @interface.Functions.Values) LintFunction(context, _abi, function, export: true, @interface.Stability);
            }

            if (world is not null)
            {
                var location = world.Location;
                var subject = new Subject("world", world.Name, quoted: true);
                context.Docs(world.Docs, location, subject);
                context.Deprecated(world.Stability, world.Docs, location, subject);
                context.Since(world.Stability, Stability.Unknown, location, subject);
                foreach (var (item, export) in world.Imports.Select(i => (i.Value, false)).Concat(world.Exports.Select(e => (e.Value, true))))
                {
                    if (item.Function is { } function) LintFunction(context, _abi, function, export, world.Stability);
                    else if (item.Type is { } type && type.Owner.World == world) LintType(context, type, null, world.Stability);
                }
            }
        }

        /// <summary>WIT2009 over the item's <c>use</c>d names.</summary>
        public void UnusedUses(Interface? @interface, World? world, List<Diagnostic> into) => ReportUnused(UnusedTypes(@interface, world), into);

        /// <summary>The names the item brings in by <c>use</c> that nothing refers to, in declaration order.</summary>
        public List<TypeDefinition> UnusedTypes(Interface? @interface, World? world)
        {
            var result = new List<TypeDefinition>();
            if (@interface is not null)
            {
                foreach (var type in @interface.Types.Values)
                {
                    if (IsUnusedUse(type)) result.Add(type);
                }
            }

            if (world is not null)
            {
                foreach (var import in world.Imports)
                {
                    if (import.Value.Function is null && import.Value.Type is { } type && type.Owner.World == world && IsUnusedUse(type)) result.Add(type);
                }

                foreach (var export in world.Exports)
                {
                    if (export.Value.Function is null && export.Value.Type is { } type && type.Owner.World == world && IsUnusedUse(type)) result.Add(type);
                }
            }

            return result;
        }

        public void ReportUnused(List<TypeDefinition> unused, List<Diagnostic> into)
        {
            var context = _context.Into(into);
            foreach (var type in unused) UnusedUse(context, type);
        }

        private bool IsUnusedUse(TypeDefinition type) => type.FromUse && type.Location is not null && !_referenced.Contains(type);
    }

    /// <summary>
    /// WIT2009: a `use`d name nothing refers to — not this body's types or functions, nor another interface's `use`
    /// of it. (Other packages cannot depend on the root package, so the root's own references are all there are.)
    /// </summary>
    private static void UnusedUse(Context context, TypeDefinition type) =>
        context.Report(LintDiagnostics.UnusedUse(type.Name ?? ""), type.Location!);

    /// <summary>
    /// WIT2010: WASI's packages never start a resource's method with the resource's name (`fields.get`, not
    /// `fields.fields-get`; `descriptor.stat`, not `descriptor.descriptor-stat`): every binding already calls methods
    /// through the resource, so the prefix reads twice. (Interface members do repeat their interface's name in WASI,
    /// `exit.exit-with-code`, `tcp.tcp-socket`, so the rule is about resources only.)
    /// </summary>
    private static void Stutter(Context context, string? name, SourceLocation? location, string? container, string kind)
    {
        if (name is null || container is null || location is null || name.Length <= container.Length) return;
        if (!name.StartsWith(container + "-", StringComparison.Ordinal)) return;
        context.Report(LintDiagnostics.StutteringName(name, kind, container, name.Substring(container.Length + 1)), location);
    }

    /// <param name="container">The gate of the interface or world the type is declared in, which it inherits.</param>
    private static void LintType(Context context, TypeDefinition type, Interface? owner, Stability container)
    {
        // A `use` creates an alias whose docs live with the original; skip those.
        if (type.Name is null || type.Location is not { } location) return;
        if (type.Kind == TypeDefinitionKind.Alias && owner is not null && type.Element?.Definition is { } target && target.Owner.Interface != owner) return;
        var subject = new Subject("type", type.Name, quoted: true);
        context.Docs(type.Docs, location, subject);
        context.Deprecated(type.Stability, type.Docs, location, subject);
        context.Since(type.Stability, container, location, subject);
    }

    /// <param name="container">The gate of the interface or world the function is declared in.</param>
    private static void LintFunction(Context context, CanonicalAbi abi, Function function, bool export, Stability container)
    {
        string display = function.Resource is { } resource && function.Kind != FunctionKind.Freestanding
            ? $"'{resource.Name}.{function.ItemName}'"
            : $"'{function.ItemName}'";
        if (function.Kind == FunctionKind.Constructor) display = $"constructor of '{function.Resource?.Name}'";
        // The location is made on each read: read once.
        if (function.Location is not { } location) return;
        var subject = new Subject("function", display, quoted: false);
        context.Docs(function.Docs, location, subject);
        context.Deprecated(function.Stability, function.Docs, location, subject);
        // A resource's members inherit the resource's gate (WASI gates `resource fields`, not each of its methods),
        // and the resource (or a freestanding function) inherits its interface's or world's.
        var inherited = function.Resource is { Stability.IsUnknown: false } gatedResource ? gatedResource.Stability : container;
        context.Since(function.Stability, inherited, location, subject);
        string? since = function.Stability.IsUnknown ? inherited.Since : function.Stability.Since;
        if (since is not null)
        {
            foreach (var type in function.Parameters.Select(p => p.Type).Append(function.Result))
            {
                if (type is { } t && UnstableDefinition(t) is { } unstable)
                {
                    context.Report(LintDiagnostics.StableUsesUnstable(display, since, unstable.Name ?? "", unstable.Stability.Feature ?? ""), location);
                }
            }
        }


        // AbiFacts.For does not throw: a type without a layout (an error symbol, a cycle, a size beyond any memory)
        // gives a null signature, and then no facts.
        if (AbiFacts.For(function, abi, export) is { } facts)
        {
            if (export && facts.ReallocParameters.Count > 0)
            {
                context.Report(LintDiagnostics.AllocatesPerCall(display, facts.ReallocParameters), location);
            }

            if (facts.Signature.ParametersSpilled)
            {
                context.Report(LintDiagnostics.ParametersSpilled(display, facts.FlatParameterCount, CanonicalAbi.MaxFlatParams, facts.ParameterBytesThroughMemory, export), location);
            }

            long copied = facts.ParameterBytesThroughMemory + facts.ResultBytesThroughMemory;
            if (copied > LargeCopyThreshold)
            {
                context.Report(LintDiagnostics.LargeCopy(display, facts.ParameterBytesThroughMemory, facts.ResultBytesThroughMemory, LargeCopyThreshold), location);
            }
        }

        foreach (var parameter in function.Parameters)
        {
            if (parameter.Type is { } t && IsByteList(t))
            {
                context.Report(LintDiagnostics.ByteListParameter(parameter.Name, display), location);
            }
        }

        if (function.Result is { } result && IsByteList(result))
        {
            context.Report(LintDiagnostics.ByteListResult(display), location);
        }
    }

    /// <summary>
    /// Whether documentation says what to use instead of a deprecated item: it has "instead", "in favor (favour) of",
    /// "replaced", "superseded" or "succeeded" followed by "by" or "with", "migrate", "moved" or "renamed" followed by
    /// "to", or "use", "prefer" or "see" followed by a name in backticks. Whole words only, any case: "because" or
    /// "used" name nothing.
    /// </summary>
    internal static bool NamesReplacement(string? docs) => docs is not null && ReplacementNote.IsMatch(docs);

    private static readonly Regex ReplacementNote = new(
        @"\binstead\b|\bin\s+favou?r\s+of\b|\b(?:replaced|superseded|succeeded)\s+(?:by|with)\b|\b(?:migrate|moved|renamed)\s+to\b|\b(?:use|prefer|see)\s+`",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    internal static bool UsesSince(Package package)
    {
        foreach (var @interface in package.Interfaces.Values)
        {
            if (@interface.Stability.Since is not null) return true;
            if (@interface.Types.Values.Any(t => t.Stability.Since is not null) || @interface.Functions.Values.Any(f => f.Stability.Since is not null)) return true;
        }

        return package.Worlds.Values.Any(w => w.Stability.Since is not null);
    }

    // The first @unstable definition met through aliases, or null.
    private static TypeDefinition? UnstableDefinition(WitType type)
    {
        var definition = type.Definition;
        for (int depth = 0; definition is not null && depth < 32; depth++)
        {
            // An anonymous type takes the gate of what it is made from or in (wit-parser's find_stability): the named type is reported.
            if (definition.Stability.IsUnstable && definition.Name is not null) return definition;
            if (definition.Kind != TypeDefinitionKind.Alias) return null;
            definition = definition.Element?.Definition;
        }

        return null;
    }

    private static bool IsByteList(WitType type)
    {
        var definition = type.Definition?.Unaliased();
        return definition is { Kind: TypeDefinitionKind.List, Element: { IsPrimitive: true, Primitive: PrimitiveType.U8 } };
    }

    /// <summary>Returns true when <paramref name="code"/> is allowed by a <c>wit-lint: allow(...)</c> comment at the item.</summary>
    internal static bool IsSuppressed(SourceText document, TextSpan span, string code)
    {
        // Lines are read as index ranges of the text, not substrings: every reported diagnostic comes through here.
        string text = document.Text;
        int start = Math.Min(Math.Max(0, span.Start), text.Length);
        int lineStart = start == 0 ? 0 : text.LastIndexOf('\n', start - 1) + 1;
        int lineEnd = text.IndexOf('\n', start);
        if (lineEnd < 0) lineEnd = text.Length;
        if (Allows(text, lineStart, lineEnd, code)) return true;
        int end = lineStart - 1;
        while (end > 0)
        {
            int previousStart = text.LastIndexOf('\n', end - 1) + 1;
            int from = previousStart;
            int to = end;
            while (from < to && char.IsWhiteSpace(text[from])) from++;
            while (to > from && char.IsWhiteSpace(text[to - 1])) to--;
            bool trivia = StartsWith(text, from, to, "//") || StartsWith(text, from, to, "/*") || StartsWith(text, from, to, "*") || StartsWith(text, from, to, "@");
            if (!trivia) return false;
            if (Allows(text, from, to, code)) return true;
            end = previousStart - 1;
        }

        return false;
    }

    private static bool StartsWith(string text, int from, int to, string prefix) =>
        to - from >= prefix.Length && string.CompareOrdinal(text, from, prefix, 0, prefix.Length) == 0;

    /// <summary>Whether the line <c>text[from..to)</c> holds <c>wit-lint: allow(...)</c> naming <paramref name="code"/>.</summary>
    private static bool Allows(string text, int from, int to, string code)
    {
        const string marker = "wit-lint:";
        int at = to - from >= marker.Length ? text.IndexOf(marker, from, to - from, StringComparison.Ordinal) : -1;
        while (at >= 0)
        {
            int rest = at + marker.Length;
            while (rest < to && char.IsWhiteSpace(text[rest])) rest++;
            if (StartsWith(text, rest, to, "allow("))
            {
                int close = text.IndexOf(')', rest, to - rest);
                if (close > rest)
                {
                    foreach (string part in text.Substring(rest + 6, close - rest - 6).Split(','))
                    {
                        if (string.Equals(part.Trim(), code, StringComparison.OrdinalIgnoreCase)) return true;
                    }
                }
            }

            int next = at + marker.Length;
            at = to - next >= marker.Length ? text.IndexOf(marker, next, to - next, StringComparison.Ordinal) : -1;
        }

        return false;
    }

    /// <summary>
    /// What a message calls an item (<c>function 'get'</c>, <c>type 'r'</c>), written only when a rule reports it:
    /// most items pass every rule, and a large package has tens of thousands.
    /// </summary>
    private readonly struct Subject
    {
        private readonly string _kind;
        private readonly string? _name;
        private readonly bool _quoted;

        public Subject(string kind, string? name, bool quoted)
        {
            _kind = kind;
            _name = name;
            _quoted = quoted;
        }

        public override string ToString() => _quoted ? $"{_kind} '{_name}'" : $"{_kind} {_name}";
    }

    private sealed class Context
    {
        private readonly LintOptions _options;
        private List<Diagnostic> _results = new();
        private readonly HashSet<(string Code, string? Path, int Start, string Message)> _seen = new();

        public Context(LintOptions options)
        {
            _options = options;
        }

        /// <summary>Sends the next results to <paramref name="results"/>.</summary>
        public Context Into(List<Diagnostic> results)
        {
            _results = results;
            return this;
        }

        public void Docs(string? docs, SourceLocation? location, Subject what)
        {
            if (location is null || !string.IsNullOrWhiteSpace(docs)) return;
            Report(LintDiagnostics.MissingDocs(what.ToString()), location);
        }

        public void Deprecated(Stability stability, string? docs, SourceLocation? location, Subject what)
        {
            if (location is null || stability.Deprecated is null || NamesReplacement(docs)) return;
            Report(LintDiagnostics.DeprecatedWithoutReplacement(what.ToString(), $"{stability.Deprecated}"), location);
        }

        /// <summary>The root package being linted when it gates items with <c>@since</c>; null otherwise.</summary>
        public Package? GatedPackage { get; set; }

        /// <summary>
        /// WIT2007 when neither the item (<paramref name="stability"/>) nor its container (<paramref name="inherited"/>:
        /// the resource, interface or world it is declared in, already resolved to that container's own gate) is gated.
        /// </summary>
        public void Since(Stability stability, Stability inherited, SourceLocation? location, Subject what)
        {
            if (location is null || GatedPackage is null || !stability.IsUnknown || !inherited.IsUnknown) return;
            Report(LintDiagnostics.MissingSince(what.ToString(), $"{GatedPackage.Name}"), location);
        }

        public void Report(DiagnosticMessage message, SourceLocation location)
        {
            var descriptor = message.Descriptor;
            if (_options.SeverityOf(descriptor) is not { } severity) return;
            if (IsSuppressed(location.Document, location.Span, descriptor.Code)) return;
            if (!_seen.Add((descriptor.Code, location.Path, location.Span.Start, message.Text))) return;
            _results.Add(new Diagnostic(message, location.Span, severity, location.Document));
        }
    }
}
