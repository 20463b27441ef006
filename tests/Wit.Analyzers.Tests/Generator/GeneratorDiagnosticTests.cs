using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Wit.Analyzers.Tests.Generator;

/// <summary>The generator's own diagnostics (WITH0001 to WITH0004): what is reported, where, and that nothing is generated for a broken item.</summary>
public class GeneratorDiagnosticTests
{
    private static GeneratorHarness.Item Item(string world, string text) =>
        new("/proj/wit/", world, new[] { ("/proj/wit/app.wit", text) });

    [Fact]
    public void A_WIT_error_is_reported_at_its_wit_location_and_nothing_is_generated()
    {
        const string wit = "package example:app;\n\ninterface a {\n    f: func() -> missing;\n}\n\nworld w {\n    import a;\n}\n";
        var (driver, _, diagnostics) = GeneratorHarness.Run(new[] { Item("example:app/w", wit) });

        var error = Assert.Single(diagnostics);
        Assert.Equal("WITH0001", error.Id);
        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
        Assert.Equal("WIT1001: name `missing` does not exist", error.GetMessage());
        var span = error.Location.GetLineSpan();
        Assert.Equal("/proj/wit/app.wit", span.Path);
        Assert.Equal((3, 17), (span.StartLinePosition.Line, span.StartLinePosition.Character));
        Assert.Equal("missing", wit.Substring(error.Location.SourceSpan.Start, error.Location.SourceSpan.Length));
        Assert.Empty(GeneratorHarness.Generated(driver));
    }

    [Fact]
    public void An_item_no_wit_file_reaches_is_WITH0006_and_the_other_items_are_generated()
    {
        var empty = new GeneratorHarness.Item("/proj/empty/", "example:app/w", System.Array.Empty<(string, string)>());
        var (driver, _, diagnostics) = GeneratorHarness.Run(new[] { empty, Item("example:app/w", "package example:app;\n\nworld w {\n    import f: func();\n}\n") });

        var error = Assert.Single(diagnostics);
        Assert.Equal("WITH0006", error.Id);
        Assert.Equal("The Wit item `/proj/empty/` reaches no .wit file: no bindings are generated for it", error.GetMessage());
        Assert.Contains("Example.App.W.WWorld.g.cs", GeneratorHarness.Generated(driver).Keys);
    }

    [Theory]
    [InlineData("example:app/w", "World `example:app/w`: package `example:app` is loaded in 2 versions: name one (example:app/w@1.0.0, example:app/w@2.0.0)")]
    [InlineData("example:app/w@3.0.0", "World `example:app/w@3.0.0`: version `3.0.0` is not loaded (loaded: example:app/w@1.0.0, example:app/w@2.0.0)")]
    public void A_world_of_a_package_in_several_versions_needs_a_loaded_version_WITH0005(string world, string message)
    {
        var item = new GeneratorHarness.Item("/proj/wit/", world, new[]
        {
            ("/proj/wit/app.wit", "package example:app@2.0.0;\n\nworld w {\n    import example:app/i@1.0.0;\n}\n"),
            ("/proj/wit/deps/old/app.wit", "package example:app@1.0.0;\n\ninterface i {\n    f: func();\n}\n\nworld w {\n    import i;\n}\n"),
        });
        var (driver, _, diagnostics) = GeneratorHarness.Run(new[] { item });

        var error = Assert.Single(diagnostics);
        Assert.Equal("WITH0005", error.Id);
        Assert.Equal(message, error.GetMessage());
        Assert.Empty(GeneratorHarness.Generated(driver));
    }

    [Fact]
    public void Functions_of_the_same_name_in_two_imported_interfaces_are_called_through_their_interface()
    {
        // wit-parser's world-diamond test: the host implements `a` of i1 and `a` of i2, and the world's own `a`.
        const string wit = "package foo:foo;\n\ninterface shared-items {\n  type foo = u32;\n}\n\ninterface i1 {\n  use shared-items.{foo};\n  a: func() -> foo;\n}\n\n"
            + "interface i2 {\n  use shared-items.{foo};\n  a: func() -> foo;\n}\n\nworld the-world {\n  import i1;\n  import i2;\n  import a: func();\n}\n";
        var (driver, output, diagnostics) = GeneratorHarness.Run(new[] { Item("foo:foo/the-world", wit) });

        Assert.Empty(diagnostics);
        Assert.Empty(GeneratorHarness.Problems(output).Select(d => d.ToString()));
        string world = GeneratorHarness.Generated(driver).Single(p => p.Key.EndsWith("TheWorldWorld.g.cs", System.StringComparison.Ordinal)).Value;
        Assert.Contains("((global::Foo.Foo.I1.II1)host).A()", world);
        Assert.Contains("((global::Foo.Foo.I2.II2)host).A()", world);
        Assert.Contains("((global::Foo.Foo.TheWorld.ITheWorldImports)host).A()", world);
    }

    [Fact]
    public void A_syntax_error_is_reported_at_its_wit_location()
    {
        const string wit = "package example:app;\n\nworld w {\n    import f: func(;\n}\n";
        var (_, _, diagnostics) = GeneratorHarness.Run(new[] { Item("example:app/w", wit) });

        var error = Assert.Single(diagnostics);
        Assert.Equal("WITH0001", error.Id);
        Assert.Equal(3, error.Location.GetLineSpan().StartLinePosition.Line);
    }

    [Fact]
    public void A_world_that_does_not_exist_is_reported_with_the_closest_names()
    {
        const string wit = "package example:app;\n\nworld host {\n}\n\nworld hosted {\n}\n\nworld other {\n}\n";
        var (driver, _, diagnostics) = GeneratorHarness.Run(new[] { Item("example:app/hots", wit) });

        var error = Assert.Single(diagnostics);
        Assert.Equal("WITH0002", error.Id);
        Assert.Equal("World `example:app/hots` not found in /proj/wit/ (available: example:app/host, example:app/hosted, example:app/other)", error.GetMessage());
        Assert.Empty(GeneratorHarness.Generated(driver));
    }

    [Fact]
    public void Among_many_worlds_the_closest_plain_names_are_suggested()
    {
        string wit = "package example:app;\n" + string.Concat(Enumerable.Range(0, 8).Select(i => $"world w{i} {{}}\n")) + "world host {}\n";
        var (_, _, diagnostics) = GeneratorHarness.Run(new[] { Item("hots", wit) });

        Assert.Equal("World `hots` not found in /proj/wit/ (closest: host, w0, w1, w2, w3; 9 in all)", Assert.Single(diagnostics).GetMessage());
    }

    [Fact]
    public void A_plain_world_name_finds_the_world_of_the_root_package()
    {
        const string wit = "package example:app;\n\nworld host {\n    import f: func();\n}\n";
        var (driver, _, diagnostics) = GeneratorHarness.Run(new[] { Item("host", wit) });

        Assert.Empty(diagnostics);
        Assert.Contains("Example.App.Host.HostWorld.g.cs", GeneratorHarness.Generated(driver).Keys);
    }

    [Fact]
    public void An_item_without_a_world_is_reported()
    {
        var (_, _, diagnostics) = GeneratorHarness.Run(new[] { Item("", "package example:app;\n") });

        var error = Assert.Single(diagnostics);
        Assert.Equal("WITH0003", error.Id);
        Assert.Equal("The Wit item /proj/wit/ names no world: add World=\"ns:pkg/world\"", error.GetMessage());
    }

    [Fact]
    public void An_async_function_and_a_stream_are_reported_once_each_and_the_rest_compiles()
    {
        const string wit = "package example:app;\n\ninterface io {\n    read: async func() -> u32;\n    pipe: func(s: stream<u8>);\n    size: func() -> u64;\n}\n\nworld w {\n    import io;\n}\n";
        var (driver, output, diagnostics) = GeneratorHarness.Run(new[] { Item("example:app/w", wit) });

        Assert.Equal(
            new[]
            {
                "WITH0004 (3,4): No C# binding is generated for function `example:app/io#read` yet: async functions are not supported yet",
                "WITH0004 (4,4): No C# binding is generated for function `example:app/io#pipe` yet: parameter `s`: stream is not supported yet",
            },
            diagnostics.Select(d => $"{d.Id} ({d.Location.GetLineSpan().StartLinePosition.Line},{d.Location.GetLineSpan().StartLinePosition.Character}): {d.GetMessage()}"));
        Assert.All(diagnostics, d => Assert.Equal(DiagnosticSeverity.Warning, d.Severity));
        string host = GeneratorHarness.Generated(driver)["Example.App.Io.IIo.g.cs"];
        Assert.Contains("ulong Size();", host);
        Assert.DoesNotContain("Read", host);
        Assert.Empty(GeneratorHarness.Problems(output));
    }

    [Fact]
    public void The_worlds_of_several_items_on_one_root_arrive_together_and_each_is_generated()
    {
        const string wit = "package example:app;\n\nworld one {\n    import f: func();\n}\n\nworld two {\n    import g: func();\n}\n";
        var (driver, _, diagnostics) = GeneratorHarness.Run(new[] { Item("example:app/one|example:app/two", wit) });

        Assert.Empty(diagnostics);
        Assert.Contains("Example.App.One.OneWorld.g.cs", GeneratorHarness.Generated(driver).Keys);
        Assert.Contains("Example.App.Two.TwoWorld.g.cs", GeneratorHarness.Generated(driver).Keys);
    }

    [Fact]
    public void Anonymous_types_nested_too_deeply_are_left_out_and_the_rest_compiles()
    {
        // The parser stops at 100 levels of nesting in one type; named lists (`type t0 = list<t1>`) nest without a limit.
        string chain = string.Concat(Enumerable.Range(0, 300).Select(i => i == 299 ? $"    type t{i} = list<u8>;\n" : $"    type t{i} = list<t{i + 1}>;\n"));
        string fine = string.Concat(Enumerable.Repeat("list<", 99)) + "u8" + new string('>', 99);
        string wit = $"package example:app;\n\ninterface i {{\n{chain}    deep: func(x: t0);\n    fine: func(x: {fine});\n}}\n\nworld w {{\n    import i;\n}}\n";
        var (driver, output, diagnostics) = GeneratorHarness.Run(new[] { Item("example:app/w", wit) });

        Assert.Equal(
            "No C# binding is generated for function `example:app/i#deep` yet: parameter `x`: anonymous types nested more than 100 deep",
            Assert.Single(diagnostics).GetMessage());
        Assert.Contains("void Fine(byte" + string.Concat(Enumerable.Repeat("[]", 99)) + " x);", GeneratorHarness.Generated(driver)["Example.App.I.II.g.cs"]);
        Assert.Empty(GeneratorHarness.Problems(output));
    }

    [Fact]
    public void A_long_chain_of_records_is_generated_without_a_deep_walk()
    {
        const int count = 3000;
        string records = string.Concat(Enumerable.Range(0, count).Select(i => i == count - 1 ? $"    record r{i} {{ v: u8 }}\n" : $"    record r{i} {{ next: r{i + 1} }}\n"));
        string wit = $"package example:app;\n\ninterface i {{\n{records}    f: func(x: r0);\n}}\n\nworld w {{\n    import i;\n}}\n";
        var (driver, output, diagnostics) = GeneratorHarness.Run(new[] { Item("example:app/w", wit) });

        Assert.Empty(diagnostics);
        Assert.Contains("public sealed record R0(global::Example.App.I.R1 Next);", GeneratorHarness.Generated(driver)["Example.App.I.Types.g.cs"]);
        // Each record is judged once, in arena order: the whole chain crosses the contract, so Register is generated.
        string world = GeneratorHarness.Generated(driver)["Example.App.W.WWorld.g.cs"];
        Assert.Contains("public static void Register<THost>(", world);
        Assert.Contains($"internal static global::Example.App.I.R{count - 1} Lift{count - 1}(global::Wit.Hosting.WitValue value)", world);
        Assert.Empty(GeneratorHarness.Problems(output));
    }

    [Fact]
    public void Two_items_sharing_an_interface_generate_it_once_and_compile()
    {
        const string wit = "package example:app;\n\ninterface shared {\n    record r { a: u32 }\n    f: func(x: r);\n}\n\nworld one {\n    import shared;\n}\n\nworld two {\n    import shared;\n    import g: func();\n}\n";
        var first = new GeneratorHarness.Item("/a/wit/", "example:app/one", new[] { ("/a/wit/app.wit", wit) });
        var second = new GeneratorHarness.Item("/b/wit/", "example:app/two", new[] { ("/b/wit/app.wit", wit) });
        var (driver, output, diagnostics) = GeneratorHarness.Run(new[] { first, second });

        Assert.Empty(diagnostics);
        Assert.Equal(
            new[] { "Example.App.One.OneWorld.g.cs", "Example.App.Shared.IShared.g.cs", "Example.App.Shared.Types.g.cs", "Example.App.Two.ITwoImports.g.cs", "Example.App.Two.TwoWorld.g.cs" },
            GeneratorHarness.Generated(driver).Keys);
        Assert.Empty(GeneratorHarness.Problems(output));
    }
}
