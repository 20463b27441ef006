using System.Collections.Generic;
using System.Linq;
using Wit.Core.Diagnostics;
using Wit.Core.Semantics;
using Wit.Core.Workspace;

namespace Wit.Analyzers.Generation;

/// <summary>
/// Resolves one <c>&lt;Wit&gt;</c> item with Wit.Core and emits its world's bindings. An analyzer may not read the
/// disk, so the resolver reads the item's files through an <see cref="IFileSystem"/> over their texts.
/// </summary>
internal static class WitItemCompiler
{
    /// <summary>How many WIT errors one item reports; the first ones explain the rest.</summary>
    public const int MaxErrors = 20;

    public static WitItemResult Compile(WitItemInput input)
    {
        var problems = new List<GeneratorProblem>();
        string? firstPath = input.Files.Count > 0 ? input.Files[0].Path : null;
        if (input.World.Length == 0)
        {
            problems.Add(GeneratorProblem.At("WITH0003", firstPath, null, 0, 0, input.Root));
            return Result(new List<GeneratedSource>(), problems);
        }

        var fileSystem = new InMemoryFileSystem();
        foreach (var file in input.Files) fileSystem.Add(file.Path, file.Text);
        var workspace = WorkspaceLoader.Load(fileSystem, input.Root);
        var features = input.Features.Split(new[] { ',', ' ' }, System.StringSplitOptions.RemoveEmptyEntries);
        var model = WitResolver.Resolve(workspace, new ResolveOptions(features));

        var errors = workspace.SyntaxDiagnostics.Concat(model.Diagnostics).Where(d => d.Severity == DiagnosticSeverity.Error).Distinct().Take(MaxErrors).ToList();
        foreach (var error in errors)
        {
            problems.Add(GeneratorProblem.At("WITH0001", error.Document?.Path, error.Document, error.Span.Start, error.Span.Length, error.Code, error.Message));
        }

        if (errors.Count > 0) return Result(new List<GeneratedSource>(), problems);

        var lookup = PackageLookup.For(workspace, model);
        var found = lookup.FindWorld(input.World);
        if (found.Item is not World && VersionProblem(model, input.World) is { } versionProblem)
        {
            problems.Add(GeneratorProblem.At("WITH0005", firstPath, null, 0, 0, input.World, versionProblem));
            return Result(new List<GeneratedSource>(), problems);
        }

        if (found.Item is not World world)
        {
            // Qualified names when the item names one (`ns:pkg/world`), the root package's plain names otherwise.
            var names = input.World.IndexOf(':') >= 0 || lookup.Root is null
                ? model.Worlds.Select(PackageLookup.QualifiedName)
                : lookup.Root.Worlds.Keys;
            string suggestion = NameSuggestions.AvailableText(input.World, names);
            problems.Add(GeneratorProblem.At("WITH0002", firstPath, null, 0, 0, input.World, input.Root, suggestion));
            return Result(new List<GeneratedSource>(), problems);
        }

        var (sources, emitted) = WorldEmitter.Emit(model, world);
        problems.AddRange(emitted);
        return Result(sources, problems);
    }

    /// <summary>
    /// Why <paramref name="name"/> (<c>ns:pkg/world[@version]</c>) finds no world because of its version: the package
    /// is loaded in several versions and the name gives none, or the name's version is not among those loaded.
    /// </summary>
    private static string? VersionProblem(WitModel model, string name)
    {
        int slash = name.IndexOf('/');
        if (slash < 0 || name.IndexOf(':') < 0) return null;
        string package = name.Substring(0, slash);
        int at = name.IndexOf('@', slash);
        string? version = at < 0 ? null : name.Substring(at + 1);
        string world = at < 0 ? name.Substring(slash + 1) : name.Substring(slash + 1, at - slash - 1);
        var versions = model.Packages.Where(p => p.Name.WithoutVersion == package && p.Worlds.ContainsKey(world)).Select(p => p.Name.Version).ToList();
        var named = versions.Where(v => v is not null).Select(v => $"{package}/{world}@{v}").ToList();
        if (version is null && versions.Count > 1) return $"package `{package}` is loaded in {versions.Count} versions: name one ({string.Join(", ", named)})";
        if (version is not null && versions.Count > 0 && !versions.Contains(version))
        {
            return named.Count == 0 ? $"package `{package}` has no version `{version}`: name it without one" : $"version `{version}` is not loaded (loaded: {string.Join(", ", named)})";
        }

        return null;
    }

    private static WitItemResult Result(List<GeneratedSource> sources, List<GeneratorProblem> problems) =>
        new(new EquatableArray<GeneratedSource>(sources), new EquatableArray<GeneratorProblem>(problems));
}
