using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using Wit.Core.Diagnostics;
using Xunit;

namespace Wit.Repo.Tests;

/// <summary>Every diagnostic code has a page in docs/diagnostics, and every page belongs to a code.</summary>
public class DiagnosticDocsTests
{
    private static readonly string DocsDirectory = RepoPaths.Combine("docs", "diagnostics");

    public static IEnumerable<object[]> Codes => AllDescriptors().Select(d => d.Code).Distinct().Select(code => new object[] { code });

    [Theory]
    [MemberData(nameof(Codes))]
    public void Every_diagnostic_has_a_page(string code)
    {
        string page = Path.Combine(DocsDirectory, code + ".md");

        Assert.True(File.Exists(page), $"missing docs/diagnostics/{code}.md: describe the diagnostic, give an example and how to fix it");
        string text = File.ReadAllText(page);
        Assert.StartsWith($"# {code}:", text);
        Assert.Contains("## Example", text);
        Assert.Contains("## How to fix", text);
    }

    [Fact]
    public void The_syntax_catalogue_lists_every_descriptor_it_declares()
    {
        var declared = DeclaredDescriptors(typeof(SyntaxDiagnostics)).Select(d => d.Code).OrderBy(c => c, StringComparer.Ordinal);

        Assert.Equal(declared, SyntaxDiagnostics.All.Select(d => d.Code).OrderBy(c => c, StringComparer.Ordinal));
    }

    [Fact]
    public void The_witx_syntax_catalogue_lists_every_descriptor_it_declares()
    {
        var declared = DeclaredDescriptors(typeof(WitxSyntaxDiagnostics)).Select(d => d.Code).OrderBy(c => c, StringComparer.Ordinal);

        Assert.Equal(declared, WitxSyntaxDiagnostics.All.Select(d => d.Code).OrderBy(c => c, StringComparer.Ordinal));
    }

    [Fact]
    public void The_resolution_catalogue_lists_every_descriptor_it_declares()
    {
        var declared = DeclaredDescriptors(typeof(ResolveDiagnostics)).Select(d => d.Code).OrderBy(c => c, StringComparer.Ordinal);

        Assert.Equal(declared, ResolveDiagnostics.All.Select(d => d.Code).OrderBy(c => c, StringComparer.Ordinal));
    }

    [Fact]
    public void The_witx_catalogue_lists_every_descriptor_it_declares()
    {
        var declared = DeclaredDescriptors(typeof(WitxDiagnostics)).Select(d => d.Code).OrderBy(c => c, StringComparer.Ordinal);

        Assert.Equal(declared, WitxDiagnostics.All.Select(d => d.Code).OrderBy(c => c, StringComparer.Ordinal));
    }

    [Fact]
    public void Codes_are_unique_across_every_catalogue()
    {
        var duplicates = AllDescriptors().GroupBy(d => d.Code).Where(g => g.Count() > 1).Select(g => g.Key);

        Assert.Empty(duplicates);
    }

    [Fact]
    public void Every_page_documents_a_code_of_some_catalogue()
    {
        var codes = new HashSet<string>(AllDescriptors().Select(d => d.Code), StringComparer.Ordinal);
        var pages = Directory.EnumerateFiles(DocsDirectory, "*.md")
            .Select(Path.GetFileNameWithoutExtension)
            .Where(name => !string.Equals(name, "README", StringComparison.Ordinal));

        var orphans = pages.Where(name => !codes.Contains(name!)).ToList();

        Assert.True(orphans.Count == 0, "pages without a diagnostic: " + string.Join(", ", orphans));
    }

    /// <summary>Every public static descriptor field or property of every public type of Wit.Core.</summary>
    private static IEnumerable<DiagnosticDescriptor> AllDescriptors() =>
        typeof(DiagnosticDescriptor).Assembly.GetExportedTypes().SelectMany(DeclaredDescriptors).Distinct();

    private static IEnumerable<DiagnosticDescriptor> DeclaredDescriptors(Type type)
    {
        foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            if (field.FieldType == typeof(DiagnosticDescriptor) && field.GetValue(null) is DiagnosticDescriptor d) yield return d;
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Static))
        {
            if (property.PropertyType == typeof(DiagnosticDescriptor) && property.GetValue(null) is DiagnosticDescriptor d) yield return d;
        }
    }
}
