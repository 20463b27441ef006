using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using Wit.Core.Semantics;
using Wit.Core.Workspace;

namespace Wit.Benchmarks;

/// <summary>
/// Warm, in-process resolution of every WASI 0.2.12 and 0.3.0 workspace: the median of at least ten samples of
/// loading from disk (files in the OS cache), parsing and resolving, and of resolving an already parsed workspace;
/// per workspace and for all of them in one pass. Then the cold <c>wit check</c> comparison of
/// <see cref="ColdCheckBenchmark"/>.
/// </summary>
internal static class ResolveBenchmark
{
    private const int Samples = 15;

    private static readonly TimeSpan WarmupTime = TimeSpan.FromSeconds(5);

    public static string Run() => RunWarm() + "\n" + ColdCheckBenchmark.Run(WasiWorkspace.All());

    public static string RunWarm()
    {
        var workspaces = WasiWorkspace.All();
        var loaded = workspaces.Select(w => WorkspaceLoader.Load(PhysicalFileSystem.Instance, w.Path)).ToList();

        // Warm up on everything first, so the first workspaces measured do not run tier-0 code.
        var warmup = Stopwatch.StartNew();
        while (warmup.Elapsed < WarmupTime)
        {
            ResolveAll(workspaces);
            ResolveAll(loaded);
        }

        var table = new MarkdownTable("workspace", "files", "packages", "interfaces", "types", "diagnostics", "load + parse + resolve ms", "resolve only ms", "allocated MB (resolve only)");
        for (int i = 0; i < workspaces.Count; i++)
        {
            var workspace = workspaces[i];
            var parsed = loaded[i];
            var model = WitResolver.Resolve(parsed);
            var full = Measure.Median(() => WitResolver.Resolve(PhysicalFileSystem.Instance, workspace.Path), Samples, warmups: 3);
            var resolveOnly = Measure.Median(() => WitResolver.Resolve(parsed), Samples, warmups: 3);
            table.Add(
                workspace.Name,
                Format.Integer(parsed.AllSources.Sum(s => s.Files.Count)),
                Format.Integer(model.Packages.Count),
                Format.Integer(model.Interfaces.Count),
                Format.Integer(model.Types.Count),
                Format.Integer(model.Diagnostics.Count),
                Format.Number(full.Milliseconds, "0.000"),
                Format.Number(resolveOnly.Milliseconds, "0.000"),
                Format.Number(resolveOnly.AllocatedBytes / 1e6, "0.00"));
        }

        var allFull = Measure.Median(() => ResolveAll(workspaces), Samples, warmups: 3);
        var allResolve = Measure.Median(() => ResolveAll(loaded), Samples, warmups: 3);
        table.Add(
            $"all {workspaces.Count}",
            Format.Integer(loaded.Sum(l => l.AllSources.Sum(s => s.Files.Count))),
            "", "", "",
            Format.Integer(loaded.Sum(l => WitResolver.Resolve(l).Diagnostics.Count)),
            Format.Number(allFull.Milliseconds, "0.000"),
            Format.Number(allResolve.Milliseconds, "0.000"),
            Format.Number(allResolve.AllocatedBytes / 1e6, "0.00"));
        return $"### Warm in-process resolve of the WASI workspaces (median of {Samples} samples)\n\n" + table;
    }

    private static void ResolveAll(IReadOnlyList<WasiWorkspace> workspaces)
    {
        foreach (var workspace in workspaces) WitResolver.Resolve(PhysicalFileSystem.Instance, workspace.Path);
    }

    private static void ResolveAll(IReadOnlyList<LoadedWorkspace> workspaces)
    {
        foreach (var workspace in workspaces) WitResolver.Resolve(workspace);
    }
}
