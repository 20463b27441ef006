using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Wit.Analyzers.Generation;

namespace Wit.Analyzers;

/// <summary>
/// Generates C# host bindings for the worlds that <c>&lt;Wit Include="wit/" World="ns:pkg/world" /&gt;</c> items
/// name. The build targets pass each item's <c>.wit</c> files as AdditionalFiles with the metadata <c>WitRoot</c>,
/// <c>WitWorld</c> and <c>WitFeatures</c>; the pipeline groups them per item, resolves each item only when its files, root or world
/// changed (editing C# leaves it cached), and adds each generated file once across items.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class WitBindingsGenerator : IIncrementalGenerator
{
    /// <summary>The tracking name of the step that resolves an item's WIT (tests check it stays cached).</summary>
    public const string ResolveStep = "WitResolve";

    /// <summary>The tracking name of the step that reads an item's files.</summary>
    public const string InputStep = "WitInput";

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var files = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select((pair, cancellationToken) =>
            {
                var options = pair.Right.GetOptions(pair.Left);
                if (!options.TryGetValue("build_metadata.AdditionalFiles.WitRoot", out var root) || string.IsNullOrEmpty(root)) return null;
                options.TryGetValue("build_metadata.AdditionalFiles.WitWorld", out var world);
                options.TryGetValue("build_metadata.AdditionalFiles.WitFeatures", out var features);
                string text = pair.Left.GetText(cancellationToken)?.ToString() ?? "";
                return new RootedFile(root, world?.Trim() ?? "", features?.Trim() ?? "", new WitFileInput(pair.Left.Path, text));
            })
            .Where(file => file is not null)
            .Collect();

        // WITH0006: an item whose root no .wit file reached (the targets list every item's root).
        var unreached = context.AnalyzerConfigOptionsProvider
            .Select((options, _) => options.GlobalOptions.TryGetValue("build_property.WitItemRoots", out var roots) ? roots ?? "" : "")
            .Combine(files)
            .Select((pair, _) =>
            {
                var reached = new HashSet<string>(pair.Right.Select(f => f!.Root), StringComparer.Ordinal);
                return new EquatableArray<string>(pair.Left.Split('|').Select(r => r.Trim()).Where(r => r.Length > 0 && !reached.Contains(r)).Distinct(StringComparer.Ordinal));
            });
        context.RegisterSourceOutput(unreached, static (output, roots) =>
        {
            foreach (string root in roots) output.ReportDiagnostic(GeneratorProblem.At("WITH0006", null, null, 0, 0, root).ToDiagnostic());
        });

        var items = files
            .SelectMany((all, _) => Group(all!))
            .WithTrackingName(InputStep);

        var results = items
            .Select((item, _) => WitItemCompiler.Compile(item))
            .WithTrackingName(ResolveStep)
            .Collect();

        context.RegisterSourceOutput(results, static (output, all) =>
        {
            var added = new HashSet<string>(StringComparer.Ordinal);
            var reported = new HashSet<GeneratorProblem>();
            foreach (var result in all)
            {
                foreach (var problem in result.Problems)
                {
                    if (reported.Add(problem)) output.ReportDiagnostic(problem.ToDiagnostic());
                }

                foreach (var source in result.Sources)
                {
                    if (added.Add(source.HintName)) output.AddSource(source.HintName, source.Text);
                }
            }
        });
    }

    // A root's files carry the worlds of every <Wit> item on that root (`a|b`): one item per world.
    private static ImmutableArray<WitItemInput> Group(ImmutableArray<RootedFile?> files) =>
        files.Select(f => f!)
            .SelectMany(f => SplitWorlds(f.World).Select(world => f with { World = world }))
            .GroupBy(f => (f.Root, f.World, f.Features))
            .OrderBy(g => g.Key.Root, StringComparer.Ordinal).ThenBy(g => g.Key.World, StringComparer.Ordinal).ThenBy(g => g.Key.Features, StringComparer.Ordinal)
            .Select(g => new WitItemInput(g.Key.Root, g.Key.World, g.Key.Features, new EquatableArray<WitFileInput>(g.Select(f => f.File).OrderBy(f => f.Path, StringComparer.Ordinal))))
            .ToImmutableArray();

    private static IEnumerable<string> SplitWorlds(string worlds)
    {
        var split = worlds.Split('|').Select(w => w.Trim()).Where(w => w.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        return split.Count == 0 ? new[] { "" } : split;
    }

    private sealed record RootedFile(string Root, string World, string Features, WitFileInput File);
}
