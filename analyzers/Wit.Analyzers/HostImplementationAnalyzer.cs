using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Wit.Analyzers;

/// <summary>
/// WITH0101: a class marked <c>[WitHost(typeof(SomeWorld))]</c> must implement every host interface the world class
/// lists in its <c>[WitWorld]</c> attribute. The C# compiler cannot say this (nothing ties the class to the world but
/// the attribute), and a forgotten import would otherwise surface at instantiation, at run time. The diagnostic's
/// <see cref="MissingProperty"/> lists the missing interfaces' metadata names for the code fix.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class HostImplementationAnalyzer : DiagnosticAnalyzer
{
    /// <summary>The diagnostic property holding the missing interfaces' metadata names, separated by <c>;</c>.</summary>
    public const string MissingProperty = "MissingInterfaces";

    private const string HostAttribute = "Wit.Hosting.WitHostAttribute";
    private const string WorldAttribute = "Wit.Hosting.WitWorldAttribute";
    private const string ImportAttribute = "Wit.Hosting.WitImportAttribute";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(HostDiagnostics.With0101);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        ForEachHost(context, Analyze);
    }

    /// <summary>
    /// Calls <paramref name="analyze"/> for each class marked <c>[WitHost(typeof(World))]</c> with its attribute and
    /// the world's name and host interfaces (what the analyzers of host classes share).
    /// </summary>
    internal static void ForEachHost(AnalysisContext context, System.Action<SymbolAnalysisContext, INamedTypeSymbol, AttributeData, (string Name, List<INamedTypeSymbol> Imports)> analyze)
    {
        context.RegisterCompilationStartAction(start =>
        {
            var host = start.Compilation.GetTypeByMetadataName(HostAttribute);
            var world = start.Compilation.GetTypeByMetadataName(WorldAttribute);
            if (host is null || world is null) return;
            start.RegisterSymbolAction(symbolContext =>
            {
                var type = (INamedTypeSymbol)symbolContext.Symbol;
                if (type.TypeKind != TypeKind.Class) return;
                foreach (var attribute in type.GetAttributes())
                {
                    if (!SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, host)) continue;
                    if (attribute.ConstructorArguments.Length != 1 || attribute.ConstructorArguments[0].Value is not INamedTypeSymbol worldClass) continue;
                    if (ImportsOf(worldClass, world) is { } imports) analyze(symbolContext, type, attribute, imports);
                }
            }, SymbolKind.NamedType);
        });
    }

    private static void Analyze(SymbolAnalysisContext context, INamedTypeSymbol type, AttributeData attribute, (string Name, List<INamedTypeSymbol> Imports) world)
    {
        var missing = world.Imports.Where(i => !type.AllInterfaces.Contains(i, SymbolEqualityComparer.Default)).ToList();
        if (missing.Count == 0) return;

        var importAttribute = context.Compilation.GetTypeByMetadataName(ImportAttribute);
        var names = missing.Select(i => WitName(i, importAttribute) is { } wit ? $"{i.Name} (`{wit}`)" : i.Name).ToList();
        var properties = ImmutableDictionary<string, string?>.Empty.Add(
            MissingProperty, string.Join(";", missing.Select(i => i.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat))));
        var location = attribute.ApplicationSyntaxReference is { } reference
            ? Location.Create(reference.SyntaxTree, reference.Span)
            : type.Locations.FirstOrDefault() ?? Location.None;
        context.ReportDiagnostic(Diagnostic.Create(HostDiagnostics.With0101, location, properties,
            type.Name, world.Name, missing.Count == 1 ? "" : "s", string.Join(", ", names)));
    }

    /// <summary>The world name and host interfaces a generated world class declares, or null when it is not one.</summary>
    internal static (string Name, List<INamedTypeSymbol> Imports)? ImportsOf(INamedTypeSymbol worldClass, INamedTypeSymbol worldAttribute)
    {
        foreach (var attribute in worldClass.GetAttributes())
        {
            if (!SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, worldAttribute)) continue;
            if (attribute.ConstructorArguments.Length != 2 || attribute.ConstructorArguments[0].Value is not string name) return null;
            var imports = attribute.ConstructorArguments[1].Values.Select(v => v.Value).OfType<INamedTypeSymbol>().ToList();
            return (name, imports);
        }

        return null;
    }

    private static string? WitName(INamedTypeSymbol @interface, INamedTypeSymbol? importAttribute) =>
        @interface.GetAttributes()
            .FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, importAttribute))
            ?.ConstructorArguments.FirstOrDefault().Value as string;
}
