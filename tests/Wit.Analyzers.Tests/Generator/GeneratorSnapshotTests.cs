using System.Linq;
using System.Text;
using Wit.Conformance.Tests.TestKit;
using Xunit;

namespace Wit.Analyzers.Tests.Generator;

/// <summary>
/// The generated bindings of small worlds, compared with readable baselines next to their WIT
/// (a WIT directory or file in, <c>Generator/Baselines/CASE/generated.cs.txt</c> out; re-bless with <c>WIT_BLESS=1</c>), and
/// compiled with the host's code: no error, no warning.
/// </summary>
public class GeneratorSnapshotTests
{
    [Theory]
    [InlineData("small-world", "tests/Wit.Analyzers.Tests/Generator/Baselines/small-world/wit", "example:app/host")]
    // The world the Wasmtime end-to-end tests host through these bindings: Register, Instantiate and typed exports.
    [InlineData("echo-world", "tests/Wit.Hosting.Tests/Components/echo.wit", "example:echo/echo")]
    // Resources the component implements: a wrapper class per resource, constructors, statics and methods (ComponentResourceTests).
    [InlineData("store-world", "tests/Wit.Hosting.Tests/Components/store.wit", "example:store/store")]
    public void Generated_bindings_match_the_baseline_and_compile_cleanly(string name, string wit, string world)
    {
        string directory = RepoPaths.Combine("tests", "Wit.Analyzers.Tests", "Generator", "Baselines", name);
        string witPath = RepoPaths.Combine(wit.Split('/'));
        var item = System.IO.File.Exists(witPath)
            ? new GeneratorHarness.Item(witPath, world, new[] { (witPath, System.IO.File.ReadAllText(witPath)) })
            : GeneratorHarness.FromDirectory(witPath, world);
        var (driver, output, diagnostics) = GeneratorHarness.Run(new[] { item });

        var text = new StringBuilder();
        foreach (var diagnostic in diagnostics) text.Append("// ").Append(diagnostic.Id).Append(": ").Append(diagnostic.GetMessage()).Append('\n');
        foreach (var (hint, source) in GeneratorHarness.Generated(driver)) text.Append("//- ").Append(hint).Append('\n').Append(source).Append('\n');
        Baseline.Check(System.IO.Path.Combine(directory, "generated.cs.txt"), text.ToString());

        Assert.Empty(GeneratorHarness.Problems(output).Select(d => d.ToString()));
    }
}
