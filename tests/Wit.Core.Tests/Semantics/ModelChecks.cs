using System.Collections.Generic;
using System.Linq;
using Wit.Core.Diagnostics;
using Wit.Core.Semantics;
using Wit.Core.Text;

namespace Wit.Core.Tests.Semantics;

/// <summary>
/// Invariants every resolved model keeps, however broken its input: each diagnostic names a document and lies
/// inside it, and each symbol's location and each reference lie inside their documents, symbols at their names.
/// </summary>
public static class ModelChecks
{
    /// <summary>The first violated invariant, or null.</summary>
    public static string? Problem(WitModel model)
    {
        foreach (var diagnostic in model.Diagnostics)
        {
            if (diagnostic.Document is not { } document) return $"diagnostic without a document: {diagnostic}";
            if (!Inside(diagnostic.Span, document)) return $"diagnostic span {diagnostic.Span} outside {document.Path} ({document.Length} chars): {diagnostic}";
            foreach (var related in diagnostic.Related)
            {
                if (!Inside(related.Span, related.Document)) return $"related span {related.Span} outside {related.Document.Path}: {diagnostic}";
            }
        }

        foreach (var reference in model.References)
        {
            if (!Inside(reference.Location.Span, reference.Location.Document)) return $"reference outside its document: {reference}";
        }

        foreach (var (name, location, renamedCopy) in NamedSymbols(model))
        {
            if (location is null) continue;
            if (!Inside(location.Span, location.Document)) return $"location of `{name}` outside its document";
            string text = location.Document.ToString(location.Span).TrimStart('%');
            if (text == name) continue;

            // A type a world gets from `include w with { r as s }` is a copy that points at the original `r`.
            if (renamedCopy && text.Length > 0 && !text.Any(char.IsWhiteSpace)) continue;
            return $"location of `{name}` covers `{text}` at {location}";
        }

        return null;
    }

    private static bool Inside(TextSpan span, SourceText document) => span.Start >= 0 && span.Start <= span.End && span.End <= document.Length;

    private static IEnumerable<(string Name, SourceLocation? Location, bool RenamedCopy)> NamedSymbols(WitModel model)
    {
        foreach (var world in model.Worlds) yield return (world.Name, world.Location, false);
        foreach (var @interface in model.Interfaces)
        {
            if (@interface.Name is { } name) yield return (name, @interface.Location, false);
            foreach (var function in @interface.Functions.Values)
            {
                yield return (function.Kind == FunctionKind.Constructor ? "constructor" : function.ItemName, function.Location, false);
                foreach (var parameter in function.Parameters)
                {
                    if (parameter.Location is not null) yield return (parameter.Name, parameter.Location, false);
                }
            }
        }

        foreach (var type in model.Types)
        {
            if (type.Name is { } name) yield return (name, type.Location, type.Owner.World is not null);
            foreach (var member in type.Members) yield return (member.Name, member.Location, false);
        }
    }
}
