using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace Wit.Repo.Tests;

/// <summary>
/// The layering of DESIGN.md, checked on the project files: Core &lt;- Ide &lt;- LanguageServer (which decodes .wasm with Runtime); Protocol depends on no
/// compiler project; Cli never references Protocol; Analyzers reference only Core, their code fixes only the analyzers, Wit.Hosting (the library hosts reference) nothing, its Wasmtime adapter only Wit.Hosting, its embedded-engine adapter Wit.Hosting and Runtime; Runtime may use Core; DebugAdapter
/// uses Runtime, Core and Protocol; the test kit is a class library on Core. Projects that do not exist yet are not
/// checked; a new project needs a rule here. The sources are checked too (<see cref="SourceRules"/>): the namespaces a
/// layer must not use, and the LSP conversions that belong to the language server's translator only.
/// </summary>
public class DependencyRulesTests
{
    /// <summary>For each product project, the projects it may reference.</summary>
    private static readonly Dictionary<string, string[]> Allowed = new(StringComparer.Ordinal)
    {
        ["Wit.Core"] = Array.Empty<string>(),
        ["Wit.Ide"] = new[] { "Wit.Core" },
        ["Wit.Protocol"] = Array.Empty<string>(),
        ["Wit.LanguageServer"] = new[] { "Wit.Core", "Wit.Ide", "Wit.Protocol", "Wit.Runtime" },
        ["Wit.Cli"] = new[] { "Wit.Core", "Wit.Ide", "Wit.Runtime" },
        ["Wit.Runtime"] = new[] { "Wit.Core" },
        ["Wit.DebugAdapter"] = new[] { "Wit.Core", "Wit.Runtime", "Wit.Protocol" },
        ["Wit.Analyzers"] = new[] { "Wit.Core" },
        ["Wit.Analyzers.CodeFixes"] = new[] { "Wit.Analyzers" },
        // Built and packed into analyzers/dotnet/cs, not referenced (ReferenceOutputAssembly="false"; the source rule
        // below keeps Wit.Hosting's code off them).
        ["Wit.Hosting"] = new[] { "Wit.Analyzers.CodeFixes" },
        ["Wit.Hosting.Wasmtime"] = new[] { "Wit.Hosting" },
        ["Wit.Hosting.Embedded"] = new[] { "Wit.Hosting", "Wit.Runtime" },
    };

    /// <summary>Projects that must stay free of NuGet dependencies beyond BCL packages (System.*).</summary>
    private static readonly string[] BclOnly = { "Wit.Core", "Wit.Protocol", "Wit.Hosting" };

    /// <summary>Test-support libraries under tests/ (not test projects) and the projects they may reference.</summary>
    private static readonly Dictionary<string, string[]> TestLibraries = new(StringComparer.Ordinal)
    {
        ["Wit.TestKit"] = new[] { "Wit.Core" },
        ["Wit.OracleDiff"] = new[] { "Wit.Core", "Wit.TestKit" },
        ["Wit.ProtocolFuzz"] = System.Array.Empty<string>(),
        ["Wit.Fuzz"] = new[] { "Wit.Core", "Wit.Ide", "Wit.TestKit" },
    };

    /// <summary>
    /// Rules on source code: under each folder (but not under the excepted one), code (comments and strings blanked
    /// out) must not match the pattern.
    /// </summary>
    public static readonly SourceRule[] SourceRules =
    {
        new("server/Wit.Core", null, @"\b(Wit\.Protocol|System\.Text\.Json)\b", "Core knows no protocol and no JSON"),
        new("server/Wit.Ide", null, @"\bWit\.Protocol\b", "the IDE layer speaks offsets and plain records, never LSP types"),
        new("server/Wit.Ide", "server/Wit.Ide/Configuration/", @"\bSystem\.Text\.Json\b",
            "the IDE layer reads no JSON but the user's configuration files (Configuration/: .witlint.json), never protocol messages"),
        new("server/Wit.Ide", null, @"\b(GetLinePosition|LinePosition|GetOffset)\b", "line/character positions are the language server translator's business"),
        new("server/Wit.LanguageServer", "server/Wit.LanguageServer/Translation/", @"\b(GetLinePosition|LinePosition|GetOffset|GetLineIndex)\b",
            "only Translation/ converts offsets to LSP lines and characters"),
        new("server/Wit.Ide", null, @"\b(SemanticTokensEncoder|SemanticTokensEdit|previousLine|previousCharacter)\b",
            "the IDE returns absolute semantic tokens; LSP's relative encoding and deltas are in the server's Translation/"),
        new("analyzers/Wit.Hosting/", null, @"\b(Wit\.Core|Wit\.Analyzers|Microsoft\.CodeAnalysis|Wasmtime)\b",
            "the hosting library is engine-neutral and compiler-free: it only packs the analyzers"),
    };

    public static IEnumerable<object[]> SourceRuleIndices => Enumerable.Range(0, SourceRules.Length).Select(i => new object[] { i });

    public static IEnumerable<object[]> ProductProjects =>
        ProjectFile.LoadAll("server").Concat(ProjectFile.LoadAll("analyzers")).Select(p => new object[] { p.Path });

    [Fact]
    public void The_core_project_exists()
    {
        // Guards the theories below against silently checking nothing because the projects were not found.
        Assert.Contains(ProjectFile.LoadAll("server"), p => p.Name == "Wit.Core");
    }

    [Theory]
    [MemberData(nameof(ProductProjects))]
    public void Each_project_references_only_what_its_layer_allows(string path)
    {
        var project = ProjectFile.Load(RepoPaths.Combine(path));

        Assert.True(Allowed.TryGetValue(project.Name, out var allowed), $"{path} has no dependency rule: add one to {nameof(DependencyRulesTests)} and ARCHITECTURE.md");
        var forbidden = project.ProjectReferences.Where(r => !allowed!.Contains(r, StringComparer.Ordinal)).ToList();
        Assert.True(forbidden.Count == 0, $"{path} must not reference {string.Join(", ", forbidden)} (allowed: {string.Join(", ", allowed!)})");
    }

    [Theory]
    [MemberData(nameof(ProductProjects))]
    public void Bcl_only_projects_reference_no_other_packages(string path)
    {
        var project = ProjectFile.Load(RepoPaths.Combine(path));
        if (!BclOnly.Contains(project.Name, StringComparer.Ordinal)) return;

        var packages = project.PackageReferences.Where(p => !p.StartsWith("System.", StringComparison.Ordinal) && !p.StartsWith("Microsoft.SourceLink.", StringComparison.Ordinal)).ToList();

        Assert.True(packages.Count == 0, $"{path} must depend on the BCL only, not on {string.Join(", ", packages)}");
    }

    [Fact]
    public void The_command_line_never_references_the_protocol_or_the_servers()
    {
        var cli = ProjectFile.LoadAll("server").Single(p => p.Name == "Wit.Cli");

        Assert.DoesNotContain("Wit.Protocol", cli.ProjectReferences);
        Assert.DoesNotContain("Wit.LanguageServer", cli.ProjectReferences);
        Assert.DoesNotContain("Wit.DebugAdapter", cli.ProjectReferences);
    }

    [Fact]
    public void Product_projects_never_reference_tests()
    {
        var offenders = ProjectFile.LoadAll("server").Concat(ProjectFile.LoadAll("analyzers"))
            .SelectMany(p => p.ProjectReferences.Where(r => r.EndsWith(".Tests", StringComparison.Ordinal) || r == "Wit.Benchmarks").Select(r => $"{p.Name} -> {r}"));

        Assert.Empty(offenders);
    }

    [Fact]
    public void Test_libraries_are_class_libraries_with_a_rule()
    {
        var libraries = ProjectFile.LoadAll("tests").Where(p => !p.PackageReferences.Contains("Microsoft.NET.Test.Sdk") && p.Name != "Wit.Benchmarks").ToList();
        Assert.Contains(libraries, p => p.Name == "Wit.TestKit");
        foreach (var library in libraries)
        {
            Assert.True(TestLibraries.TryGetValue(library.Name, out var allowed), $"{library.Path} has no dependency rule: add one to {nameof(DependencyRulesTests)} and ARCHITECTURE.md");
            var forbidden = library.ProjectReferences.Where(r => !allowed!.Contains(r, StringComparer.Ordinal)).ToList();
            Assert.True(forbidden.Count == 0, $"{library.Path} must not reference {string.Join(", ", forbidden)}");
            var testPackages = library.PackageReferences.Where(p => p.StartsWith("xunit", StringComparison.Ordinal) || p == "Microsoft.NET.Test.Sdk").ToList();
            Assert.True(testPackages.Count == 0, $"{library.Path} is a library, not a test project: it must not reference {string.Join(", ", testPackages)}");
        }
    }

    [Theory]
    [MemberData(nameof(SourceRuleIndices))]
    public void Sources_use_only_what_their_layer_may(int index)
    {
        var rule = SourceRules[index];
        var sources = CSharpSources.Under(rule.Folder).Where(path => rule.Except is null || !path.StartsWith(rule.Except, StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(sources);

        var offenders = sources
            .Select(path => (Path: path, Match: rule.Pattern.Match(CSharpSources.CodeOf(path))))
            .Where(x => x.Match.Success)
            .Select(x => $"{x.Path} ({x.Match.Value})")
            .ToList();

        Assert.True(offenders.Count == 0, $"{rule.Reason}: {string.Join(", ", offenders)}");
    }

    [Theory]
    [InlineData(0, "using Wit.Protocol.Lsp;", true)]
    [InlineData(0, "var d = System.Text.Json.JsonDocument.Parse(x);", true)]
    [InlineData(0, "// System.Text.Json is not used here", false)]
    [InlineData(1, "using Wit.Protocol.Lsp;", true)]
    [InlineData(1, "using System.Text.Json;", false)]
    [InlineData(2, "using System.Text.Json;", true)]
    [InlineData(3, "var p = text.Lines.GetLinePosition(offset);", true)]
    [InlineData(3, "int line = lines.GetLineIndex(offset);", false)]
    [InlineData(4, "StartLine = lines.GetLineIndex(r.StartOffset),", true)]
    [InlineData(5, "public static int[] Encode(IReadOnlyList<SemanticToken> tokens) { int previousLine = 0; }", true)]
    [InlineData(6, "var model = Wit.Core.Semantics.WitResolver.Resolve(fs, path);", true)]
    [InlineData(6, "var engine = new Wasmtime.Engine();", true)]
    [InlineData(6, "public static WitValue U32(uint value) => new(WitValueKind.U32, value);", false)]
    public void The_source_rules_catch_violations(int index, string code, bool violates)
    {
        Assert.Equal(violates, SourceRules[index].Pattern.IsMatch(CSharpSources.StripCommentsAndStrings(code)));
    }
}
