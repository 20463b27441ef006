using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Wit.Core.Semantics;

namespace Wit.Analyzers;

/// <summary>
/// WITH0102: in a class marked <c>[WitHost(typeof(SomeWorld))]</c>, a public method that implements no member of the
/// world's host interfaces while a method of those interfaces is left unimplemented under a close name (at most a third
/// of its letters differ, same parameter count). The compiler says the interface member is missing (CS0535) but not
/// that the method beside it was meant to be it. The diagnostic's <see cref="NameProperty"/> holds the intended name
/// for the code fix, which renames the method.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class MisspelledImportAnalyzer : DiagnosticAnalyzer
{
    /// <summary>The diagnostic property holding the interface method's name.</summary>
    public const string NameProperty = "ImportName";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(HostDiagnostics.With0102);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        HostImplementationAnalyzer.ForEachHost(context, Analyze);
    }

    private static void Analyze(SymbolAnalysisContext context, INamedTypeSymbol type, AttributeData attribute, (string Name, List<INamedTypeSymbol> Imports) world)
    {
        var methods = type.GetMembers().OfType<IMethodSymbol>().Where(m => m.MethodKind == MethodKind.Ordinary && !m.IsStatic).ToList();
        var names = new HashSet<string>(methods.Select(m => m.Name));
        var implementing = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        var unimplemented = new List<(INamedTypeSymbol Interface, IMethodSymbol Method)>();
        foreach (var @interface in world.Imports)
        {
            bool declared = type.AllInterfaces.Contains(@interface, SymbolEqualityComparer.Default);
            foreach (var member in @interface.GetMembers().OfType<IMethodSymbol>().Where(m => m.MethodKind == MethodKind.Ordinary))
            {
                if (declared && type.FindImplementationForInterfaceMember(member) is { } implementation) implementing.Add(implementation);
                else if (!names.Contains(member.Name)) unimplemented.Add((@interface, member));
            }
        }

        if (unimplemented.Count == 0) return;
        foreach (var method in methods.Where(m => m.DeclaredAccessibility == Accessibility.Public && !implementing.Contains(m)))
        {
            var closest = unimplemented
                .Where(u => u.Method.Parameters.Length == method.Parameters.Length)
                .Select(u => (u.Interface, u.Method, Distance: NameSuggestions.Between(method.Name.ToLowerInvariant(), u.Method.Name.ToLowerInvariant())))
                .Where(u => u.Distance <= System.Math.Max(1, u.Method.Name.Length / 3))
                .OrderBy(u => u.Distance).ThenBy(u => u.Method.Name, System.StringComparer.Ordinal)
                .FirstOrDefault();
            if (closest.Method is null) continue;
            var properties = ImmutableDictionary<string, string?>.Empty.Add(NameProperty, closest.Method.Name);
            context.ReportDiagnostic(Diagnostic.Create(HostDiagnostics.With0102, method.Locations.FirstOrDefault() ?? Location.None, properties,
                method.Name, world.Name, $"{closest.Interface.Name}.{closest.Method.Name}"));
        }
    }
}
