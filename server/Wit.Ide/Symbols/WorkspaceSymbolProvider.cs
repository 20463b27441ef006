using System;
using System.Collections.Generic;
using System.Threading;
using Wit.Core.Semantics;
using Wit.Ide.Analysis;

namespace Wit.Ide.Symbols;

/// <summary>
/// Workspace symbol search over every root's declarations (its own files and its dependencies) and the typenames,
/// modules and functions of <c>.witx</c> files. A declaration loaded by several roots is reported once (by its
/// <see cref="SymbolKey"/>); function parameters are left out. Matching is a case-insensitive subsequence that may
/// skip <c>-</c>, ranked exact, then prefix, then word start (<c>fd</c> and <c>desc</c> in <c>file-descriptor</c>),
/// then any subsequence; ties go to the shorter name.
/// </summary>
public static class WorkspaceSymbolProvider
{
    public static IReadOnlyList<WorkspaceSymbolResult> Search(IdeSnapshot snapshot, string query, int limit, CancellationToken cancellationToken = default)
    {
        query ??= string.Empty;
        var seen = new HashSet<SymbolKey>();
        var found = new List<(int Rank, WorkspaceSymbolResult Result)>();
        foreach (var analysis in snapshot.AllAnalyses())
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var target in analysis.Symbols.All)
            {
                if (target.Key is not { } key || target.Symbol is NamedType && target.Container is Function) continue;
                var kind = KindOf(target);
                if (kind is null || IsUseAlias(target)) continue;
                string name = target.Name;
                int rank = WorkspaceSymbolMatcher.Rank(name, query);
                if (rank < 0 || !seen.Add(key)) continue;
                found.Add((rank, new WorkspaceSymbolResult(name, kind.Value, ContainerOf(target), new IdeLocation(key.Path, target.Declaration!.Span))));
            }
        }

        foreach (var path in snapshot.WitxPaths)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (snapshot.WitxAnalysisOf(path) is not { } witx) continue;
            foreach (var typename in witx.Model.Typenames) AddWitx(found, seen, query, "$" + typename.Name, IdeSymbolKind.Typename, null, typename.Location);
            foreach (var module in witx.Model.Modules)
            {
                AddWitx(found, seen, query, "$" + module.Name, IdeSymbolKind.Module, null, module.Location);
                foreach (var function in module.Functions) AddWitx(found, seen, query, function.Name, IdeSymbolKind.Function, "$" + module.Name, function.Location);
            }
        }

        found.Sort((a, b) =>
        {
            int order = a.Rank.CompareTo(b.Rank);
            if (order == 0) order = a.Result.Name.Length.CompareTo(b.Result.Name.Length);
            if (order == 0) order = string.CompareOrdinal(a.Result.Name, b.Result.Name);
            if (order == 0) order = string.CompareOrdinal(a.Result.Location.Path, b.Result.Location.Path);
            return order != 0 ? order : a.Result.Location.Span.Start.CompareTo(b.Result.Location.Span.Start);
        });
        var results = new List<WorkspaceSymbolResult>(Math.Min(found.Count, Math.Max(limit, 0)));
        for (int i = 0; i < found.Count && i < limit; i++) results.Add(found[i].Result);
        return results;
    }

    private static void AddWitx(List<(int, WorkspaceSymbolResult)> found, HashSet<SymbolKey> seen, string query, string name, IdeSymbolKind kind, string? container, SourceLocation? location)
    {
        // A typename read through another file's `use` belongs to that file: its location's path says so.
        if (SymbolKey.Of(location) is not { } key) return;
        int rank = WorkspaceSymbolMatcher.Rank(name, query);
        if (rank < 0 || !seen.Add(key)) return;
        found.Add((rank, new WorkspaceSymbolResult(name, kind, container, new IdeLocation(key.Path, location!.Span))));
    }

    /// <summary>
    /// Whether a type is the local name a <c>use</c> gives to another interface's type: the resolver models it as an
    /// alias declared at the use, but it is a reference, not a declaration to list.
    /// </summary>
    private static bool IsUseAlias(SymbolTarget target)
    {
        if (target.Symbol is not TypeDefinition { Kind: TypeDefinitionKind.Alias } || target.Declaration is not { Path: { } path } declaration) return false;
        if (target.Analysis.File(path)?.Tree.Root.FindToken(declaration.Span.Start) is not { } token) return false;
        return token.Parent.Kind == Wit.Core.Syntax.SyntaxKind.UseName;
    }

    private static IdeSymbolKind? KindOf(SymbolTarget target) => target.Symbol switch
    {
        Package => IdeSymbolKind.Package,
        Interface { Name: not null } => IdeSymbolKind.Interface,
        World => IdeSymbolKind.World,
        Function function => function.Kind switch
        {
            FunctionKind.Constructor => IdeSymbolKind.Constructor,
            FunctionKind.Method or FunctionKind.AsyncMethod => IdeSymbolKind.Method,
            FunctionKind.Static or FunctionKind.AsyncStatic => IdeSymbolKind.StaticMethod,
            _ => IdeSymbolKind.Function,
        },
        TypeDefinition type => type.Kind switch
        {
            TypeDefinitionKind.Record => IdeSymbolKind.Record,
            TypeDefinitionKind.Variant => IdeSymbolKind.Variant,
            TypeDefinitionKind.Enum => IdeSymbolKind.Enum,
            TypeDefinitionKind.Flags => IdeSymbolKind.Flags,
            TypeDefinitionKind.Resource => IdeSymbolKind.Resource,
            _ => IdeSymbolKind.TypeAlias,
        },
        NamedType => target.Container is TypeDefinition { Kind: TypeDefinitionKind.Record } ? IdeSymbolKind.Field : IdeSymbolKind.Case,
        _ => null,
    };

    private static string? ContainerOf(SymbolTarget target) => target.Container switch
    {
        Interface @interface => @interface.ToString(),
        World world => world.ToString(),
        TypeDefinition type => type.Name,
        Function function => function.ItemName,
        null when target.Symbol is Interface { Package: { } package } => package.Name.ToString(),
        null when target.Symbol is World { Package: { } package } => package.Name.ToString(),
        _ => null,
    };
}
