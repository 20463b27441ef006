using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Wit.Analyzers.Tests.Generator;

/// <summary>The generator's tracked steps: editing C# does not resolve the WIT again; editing a WIT file does.</summary>
public class IncrementalTests
{
    private const string Wit = "package example:app;\n\ninterface a {\n    f: func(x: u32) -> string;\n}\n\nworld w {\n    import a;\n}\n";

    [Fact]
    public void Editing_a_cs_file_leaves_the_resolution_cached()
    {
        var item = new GeneratorHarness.Item("/p/wit/", "example:app/w", new[] { ("/p/wit/a.wit", Wit) });
        var compilation = GeneratorHarness.CreateCompilation("class A { }");
        var (driver, _, _) = GeneratorHarness.Run(new[] { item }, compilation: compilation);

        var edited = compilation.ReplaceSyntaxTree(compilation.SyntaxTrees.Single(), CSharpSyntaxTree.ParseText("class A { int x; }", GeneratorHarness.ParseOptions, "Host.cs"));
        driver = (Microsoft.CodeAnalysis.CSharp.CSharpGeneratorDriver)driver.RunGenerators(edited);

        var steps = driver.GetRunResult().Results.Single().TrackedSteps;
        var resolve = steps[WitBindingsGenerator.ResolveStep].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
        Assert.NotEmpty(resolve);
        Assert.All(resolve, reason => Assert.Equal(IncrementalStepRunReason.Cached, reason));
    }

    [Fact]
    public void Editing_a_wit_file_resolves_again_and_changes_the_output()
    {
        var items = new[] { new GeneratorHarness.Item("/p/wit/", "example:app/w", new[] { ("/p/wit/a.wit", Wit) }) };
        var texts = GeneratorHarness.Texts(items);
        var compilation = GeneratorHarness.CreateCompilation("class A { }");
        var driver = GeneratorHarness.CreateDriver(items, texts).RunGenerators(compilation);
        Assert.Contains("uint x", GeneratorHarness.Generated((CSharpGeneratorDriver)driver)["Example.App.A.IA.g.cs"]);

        driver = driver.ReplaceAdditionalText(texts[0], GeneratorHarness.Text("/p/wit/a.wit", Wit.Replace("x: u32", "x: u64"))).RunGenerators(compilation);

        var resolve = driver.GetRunResult().Results.Single().TrackedSteps[WitBindingsGenerator.ResolveStep].SelectMany(s => s.Outputs).Select(o => o.Reason);
        Assert.Equal(new[] { IncrementalStepRunReason.Modified }, resolve);
        Assert.Contains("ulong x", GeneratorHarness.Generated((CSharpGeneratorDriver)driver)["Example.App.A.IA.g.cs"]);
    }
}
