using System.Linq;
using Wit.Core.Semantics;
using Wit.Core.Syntax;
using Wit.Core.Text;
using Wit.Core.Workspace;
using Xunit;

namespace Wit.Core.Tests.Diagnostics;

/// <summary>
/// WIT codes that no other test named by code when every code was first required to appear in a test
/// (<c>tests/Wit.Repo.Tests/CatalogueUsageTests.cs</c>): one input each that produces the code. Only the code is
/// checked here: the wording and the span of these errors are being aligned with wit-parser's by the conformance audit,
/// whose rule fixtures check them.
/// </summary>
public sealed class WitCodeTests
{
    [Theory]
    [InlineData("WIT0004", "package a:b;\nworld w {\n  @external-id(\"abc\n  import f: func();\n}\n")]
    [InlineData("WIT0006", "package a:b@01.0.0;\n")]
    [InlineData("WIT0009", "package a:b;\ninterface i {\u0001}\n")]
    [InlineData("WIT0011", "package a:b;\n@nope\ninterface i {}\n")]
    public void The_parser_reports(string code, string text)
    {
        var codes = SyntaxTree.Parse(SourceText.From(text)).Diagnostics.Select(d => d.Code);

        Assert.Contains(code, codes);
    }

    [Fact]
    public void The_resolver_reports_an_empty_enum_or_variant_at_its_name_after_the_type_errors_before_it()
    {
        // wit-parser checks cases when it resolves a type (in dependency order), not when it parses: the unknown
        // type that `a` needs comes first, and the parser alone reports nothing.
        const string text = "package a:b;\ninterface i {\n  type a = nope;\n  enum e {}\n  variant v {}\n}\n";
        Assert.Empty(SyntaxTree.Parse(SourceText.From(text)).Diagnostics);

        var fixture = Semantics.WitFixture.Resolve(text);

        fixture.AssertDiagnostics(
            "WIT1001 /main.wit:3:12 type `nope` does not exist",
            "WIT0010 /main.wit:4:8 empty enum",
            "WIT0010 /main.wit:5:11 empty variant");
    }

    [Fact]
    public void The_parser_reports_packages_nested_too_deep()
    {
        // wit-parser allows 100 levels of nested packages; the 101st is too deep (WIT0008).
        string text = "package a:b;\n" + string.Concat(Enumerable.Repeat("package a:b {\n", 101)) + new string('}', 101) + "\n";

        var codes = SyntaxTree.Parse(SourceText.From(text)).Diagnostics.Select(d => d.Code);

        Assert.Contains("WIT0008", codes);
    }

    [Fact]
    public void The_resolver_reports_a_name_of_the_wrong_kind()
    {
        const string text = "package a:b;\ninterface i {}\nworld w {\n  include i;\n}\n";
        var model = WitResolver.Resolve(new InMemoryFileSystem().Add("/pkg/a.wit", text), "/pkg/a.wit");

        Assert.Contains("WIT1012", model.Diagnostics.Select(d => d.Code));
    }
}
