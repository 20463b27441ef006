using System;
using System.Collections.Generic;
using System.Linq;
using Wit.Core.Semantics;
using Wit.Core.Witx.Semantics;
using Wit.Ide.Analysis;

namespace Wit.Ide.Navigation;

/// <summary>
/// Definition and occurrences of <c>$name</c> typenames and modules in WITX documents, across the files
/// <c>(use "file.witx")</c> brings in. Declarations come from <see cref="WitxModel"/>; uses are the named
/// <see cref="WitxTypeRef"/>s of every typename and module function (member names such as a field's <c>$fd</c>
/// are not typename uses, so they are never matched by spelling).
/// </summary>
internal static class WitxNavigation
{
    public static IReadOnlyList<IdeLocation> Definition(WitxAnalysis analysis, int offset) =>
        DeclarationAt(analysis, offset) is { } declaration ? new[] { declaration } : Array.Empty<IdeLocation>();

    /// <summary>
    /// The declaration and uses of the typename or module at <paramref name="offset"/>, over every WITX document of the
    /// snapshot that reads the declaring file (so uses in files that <c>use</c> this one are found too).
    /// </summary>
    public static IReadOnlyList<IdeLocation> Occurrences(IdeSnapshot snapshot, WitxAnalysis analysis, int offset, bool includeDeclaration)
    {
        if (DeclarationAt(analysis, offset) is not { } declaration) return Array.Empty<IdeLocation>();
        var result = new HashSet<IdeLocation>();
        if (includeDeclaration) result.Add(declaration);
        var analyses = snapshot.WitxPaths.Select(snapshot.WitxAnalysisOf).OfType<WitxAnalysis>().Append(analysis);
        foreach (var other in analyses)
        {
            if (!other.DependsOn(declaration.Path)) continue;
            foreach (var (use, declared) in References(other.Model))
            {
                if (At(declared) == declaration && At(use) is { } location) result.Add(location);
            }
        }

        return result.OrderBy(l => l.Path, StringComparer.Ordinal).ThenBy(l => l.Span.Start).ToList();
    }

    /// <summary>The declaration the <c>$name</c> at <paramref name="offset"/> declares or refers to.</summary>
    private static IdeLocation? DeclarationAt(WitxAnalysis analysis, int offset)
    {
        if (NameSyntax.IdentifierAt(analysis.Tree, offset) is not { } token) return null;
        var here = new IdeLocation(analysis.Path, token.Span);
        var model = analysis.Model;
        foreach (var location in model.Typenames.Select(t => t.Location).Concat(model.Modules.Select(m => m.Location)))
        {
            if (At(location) == here) return here;
        }

        foreach (var (use, declared) in References(model))
        {
            if (At(use) == here) return At(declared);
        }

        return null;
    }

    private static IdeLocation? At(SourceLocation? location) =>
        location?.Path is { } path ? new IdeLocation(path, location.Span) : null;

    /// <summary>Every named type reference of the model with the typename's declaration, found with an explicit stack.</summary>
    private static IEnumerable<(SourceLocation Use, SourceLocation Declaration)> References(WitxModel model)
    {
        var stack = new Stack<WitxTypeRef>();
        foreach (var typename in model.Typenames)
        {
            if (typename.Definition is { } definition) stack.Push(definition);
        }

        foreach (var function in model.Modules.SelectMany(m => m.Functions))
        {
            foreach (var member in function.Params.Concat(function.Results))
            {
                if (member.Type is { } type) stack.Push(type);
            }
        }

        var seen = new HashSet<WitxType>();
        while (stack.Count > 0)
        {
            var reference = stack.Pop();
            if (reference.Name is { } name)
            {
                if (reference.Location is { } use) yield return (use, name.Location);
                continue;
            }

            // An anonymous type written in place: its parts may name typenames.
            var type = reference.Type;
            if (type is null || !seen.Add(type)) continue;
            foreach (var member in type.Members)
            {
                if (member.Type is { } memberType) stack.Push(memberType);
            }

            if (type.Element is { } element) stack.Push(element);
            if (type.Tag is { } tag) stack.Push(tag);
        }
    }
}
