using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace Wit.Repo.Tests;

/// <summary>
/// The layering of DESIGN.md, checked on the project files: Core &lt;- Ide &lt;- LanguageServer; Protocol depends on no
/// compiler project; Cli never references Protocol; Analyzers reference only Core; Runtime may use Core; DebugAdapter
/// uses Runtime, Core and Protocol. Projects that do not exist yet are not checked; a new project needs a rule here.
/// </summary>
public class DependencyRulesTests
{
    /// <summary>For each product project, the projects it may reference.</summary>
    private static readonly Dictionary<string, string[]> Allowed = new(StringComparer.Ordinal)
    {
        ["Wit.Core"] = Array.Empty<string>(),
        ["Wit.Ide"] = new[] { "Wit.Core" },
        ["Wit.Protocol"] = Array.Empty<string>(),
        ["Wit.LanguageServer"] = new[] { "Wit.Core", "Wit.Ide", "Wit.Protocol" },
        ["Wit.Cli"] = new[] { "Wit.Core", "Wit.Ide", "Wit.Runtime" },
        ["Wit.Runtime"] = new[] { "Wit.Core" },
        ["Wit.DebugAdapter"] = new[] { "Wit.Core", "Wit.Runtime", "Wit.Protocol" },
        ["Wit.Analyzers"] = new[] { "Wit.Core" },
    };

    /// <summary>Projects that must stay free of NuGet dependencies beyond BCL packages (System.*).</summary>
    private static readonly string[] BclOnly = { "Wit.Core", "Wit.Protocol" };

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
        var project = ProjectFile.Load(RepositoryPaths.Combine(path));

        Assert.True(Allowed.TryGetValue(project.Name, out var allowed), $"{path} has no dependency rule: add one to {nameof(DependencyRulesTests)} and ARCHITECTURE.md");
        var forbidden = project.ProjectReferences.Where(r => !allowed!.Contains(r, StringComparer.Ordinal)).ToList();
        Assert.True(forbidden.Count == 0, $"{path} must not reference {string.Join(", ", forbidden)} (allowed: {string.Join(", ", allowed!)})");
    }

    [Theory]
    [MemberData(nameof(ProductProjects))]
    public void Bcl_only_projects_reference_no_other_packages(string path)
    {
        var project = ProjectFile.Load(RepositoryPaths.Combine(path));
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
}
