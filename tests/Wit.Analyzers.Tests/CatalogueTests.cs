using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Wit.Analyzers.Tests;

/// <summary>
/// Every WITH descriptor has a docs page listed in docs/analyzers/README.md, a release-tracking line with its severity,
/// a help link to its page, and a test in this project that names it.
/// </summary>
public class CatalogueTests
{
    public static TheoryData<string> Codes()
    {
        var data = new TheoryData<string>();
        foreach (var descriptor in Descriptors()) data.Add(descriptor.Id);
        return data;
    }

    private static DiagnosticDescriptor[] Descriptors() =>
        typeof(HostDiagnostics).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
            .ToArray();

    [Fact]
    public void The_catalogue_is_found()
    {
        Assert.Equal(new[] { "WITH0001", "WITH0002", "WITH0003", "WITH0004", "WITH0005", "WITH0006", "WITH0101", "WITH0102" }, Descriptors().Select(d => d.Id));
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void Each_code_has_a_page_a_release_entry_a_help_link_and_a_test(string code)
    {
        var descriptor = Descriptors().Single(d => d.Id == code);
        string page = RepoPaths.Combine("docs", "analyzers", code + ".md");
        Assert.True(File.Exists(page), $"{code} has no page docs/analyzers/{code}.md");
        Assert.StartsWith($"# {code}: {descriptor.Title}", File.ReadAllText(page));
        Assert.Contains($"[{code}]({code}.md)", File.ReadAllText(RepoPaths.Combine("docs", "analyzers", "README.md")));

        string releases = File.ReadAllText(RepoPaths.Combine("analyzers", "Wit.Analyzers", "AnalyzerReleases.Unshipped.md"));
        Assert.Contains($"{code} | {descriptor.Category} | {descriptor.DefaultSeverity} |", releases);
        Assert.EndsWith($"/docs/analyzers/{code}.md", descriptor.HelpLinkUri);

        string tests = string.Concat(Directory.EnumerateFiles(RepoPaths.Combine("tests", "Wit.Analyzers.Tests"), "*.cs", SearchOption.AllDirectories)
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && Path.GetFileName(p) != "CatalogueTests.cs")
            .Select(File.ReadAllText));
        Assert.True(tests.Contains(code) || tests.Contains("With" + code.Substring(4)), $"no test names {code}");
    }
}
