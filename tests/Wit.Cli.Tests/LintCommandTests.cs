using System.Linq;
using System.Text.Json;
using Xunit;

namespace Wit.Cli.Tests;

/// <summary><c>wit lint</c>: text, JSON, SARIF 2.1.0 and GitHub annotation output, configuration and exit codes.</summary>
public sealed class LintCommandTests
{
    private const string Undocumented = """
        package a:b;

        interface store {
          /// Reads.
          get: func(key: u32) -> u32;
        }

        """;

    private const string Clean = """
        package a:b;

        /// Storage.
        interface store {
          /// Reads.
          get: func(key: u32) -> u32;
        }

        """;

    [Fact]
    public void TextReportsLintWarningsAndExitsZero()
    {
        using var dir = new TempDirectory();
        dir.Write("pkg/main.wit", Undocumented);

        var run = CliRun.Start(dir.Path, "lint", "pkg", "--profile", "strict");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.StartsWith("warning[WIT2001]: interface 'store' has no documentation comment ('///')\n     --> pkg/main.wit:3:11\n", run.Output);
        Assert.Equal("linted 1 file: 0 errors, 1 warning\n", run.Error);
    }

    [Fact]
    public void CleanPackageExitsZeroWithoutOutput()
    {
        using var dir = new TempDirectory();
        dir.Write("pkg/main.wit", Clean);

        var run = CliRun.Start(dir.Path, "lint", "pkg", "--deny-warnings");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(string.Empty, run.Output);
    }

    [Fact]
    public void DenyWarningsExitsOne()
    {
        using var dir = new TempDirectory();
        dir.Write("pkg/main.wit", Undocumented);

        Assert.Equal(1, CliRun.Start(dir.Path, "lint", "pkg", "--deny-warnings", "--profile", "strict").ExitCode);
    }

    [Fact]
    public void TheDefaultProfileLeavesMissingDocumentationToTheStrictOne()
    {
        using var dir = new TempDirectory();
        dir.Write("pkg/main.wit", Undocumented);

        var run = CliRun.Start(dir.Path, "lint", "pkg", "--deny-warnings");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(string.Empty, run.Output);
    }

    [Theory]
    [InlineData("{ \"profile\": \"strict\" }", null, "warning[WIT2001]")]
    [InlineData("{ \"profile\": \"default\" }", "strict", "warning[WIT2001]")]
    [InlineData("{ \"profile\": \"strict\" }", "default", "")]
    // --profile replaces the file's profile and keeps its per-rule levels.
    [InlineData("{ \"profile\": \"strict\", \"rules\": { \"WIT2001\": \"error\" } }", "default", "error[WIT2001]")]
    public void TheProfileComesFromTheConfigurationOrTheFlag(string config, string? flag, string expected)
    {
        using var dir = new TempDirectory();
        dir.Write("pkg/main.wit", Undocumented);
        dir.Write(".witlint.json", config);

        var run = flag is null ? CliRun.Start(dir.Path, "lint", "pkg") : CliRun.Start(dir.Path, "lint", "pkg", "--profile", flag);

        if (expected.Length == 0) Assert.Equal(string.Empty, run.Output);
        else Assert.StartsWith(expected, run.Output);
    }

    [Fact]
    public void ResolutionErrorsExitOne()
    {
        using var dir = new TempDirectory();
        dir.Write("pkg/main.wit", "package a:b;\n\n/// I.\ninterface i {\n  /// F.\n  f: func() -> nope;\n}\n");

        var run = CliRun.Start(dir.Path, "lint", "pkg");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("error[WIT1001]", run.Output);
    }

    [Fact]
    public void MissingPathExitsTwo()
    {
        using var dir = new TempDirectory();

        Assert.Equal(2, CliRun.Start(dir.Path, "lint", "nope").ExitCode);
    }

    [Fact]
    public void ConfigurationChangesSeverity()
    {
        using var dir = new TempDirectory();
        dir.Write("pkg/main.wit", Undocumented);
        dir.Write(".witlint.json", """{ "rules": { "WIT2001": "error" } }""");

        var run = CliRun.Start(dir.Path, "lint", "pkg");

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("error[WIT2001]", run.Output);
    }

    [Fact]
    public void ConfigurationTurnsRuleOff()
    {
        using var dir = new TempDirectory();
        dir.Write("pkg/main.wit", Undocumented);
        dir.Write("pkg/.witlint.json", """{ "rules": { "WIT2001": "off" } }""");

        var run = CliRun.Start(dir.Path, "lint", "pkg", "--deny-warnings");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(string.Empty, run.Output);
    }

    [Theory]
    [InlineData("{ \"rules\": { \"WIT9999\": \"off\" } }", "unknown lint rule 'WIT9999'")]
    [InlineData("{ \"rules\": { \"WIT2001\": \"loud\" } }", "invalid level for 'WIT2001'")]
    [InlineData("{ \"rules\": ", "invalid JSON")]
    [InlineData("[]", "must be a JSON object")]
    [InlineData("{ \"profile\": \"pedantic\" }", "invalid profile \"pedantic\" (expected \"default\" or \"strict\")")]
    public void BadConfigurationExitsTwo(string config, string expected)
    {
        using var dir = new TempDirectory();
        dir.Write("pkg/main.wit", Undocumented);
        dir.Write(".witlint.json", config);

        var run = CliRun.Start(dir.Path, "lint", "pkg");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(expected, run.Error);
        Assert.Equal(string.Empty, run.Output);
    }

    [Fact]
    public void JsonListsDiagnostics()
    {
        using var dir = new TempDirectory();
        dir.Write("pkg/main.wit", Undocumented);

        var run = CliRun.Start(dir.Path, "lint", "pkg", "--format", "json", "--profile", "strict");

        using var document = JsonDocument.Parse(run.Output);
        Assert.Contains("WIT2001", run.Output);
        Assert.Equal(JsonValueKind.Object, document.RootElement.ValueKind);
    }

    [Fact]
    public void SarifHasTheRequiredShape()
    {
        using var dir = new TempDirectory();
        dir.Write("pkg/main.wit", Undocumented);

        var run = CliRun.Start(dir.Path, "lint", "pkg", "--format", "sarif", "--profile", "strict");

        Assert.True(run.ExitCode == 0, run.ToString());
        using var document = JsonDocument.Parse(run.Output);
        var root = document.RootElement;
        Assert.Equal("2.1.0", root.GetProperty("version").GetString());
        Assert.Contains("sarif", root.GetProperty("$schema").GetString());
        var run0 = root.GetProperty("runs")[0];
        var driver = run0.GetProperty("tool").GetProperty("driver");
        Assert.Equal("wit", driver.GetProperty("name").GetString());
        var rules = driver.GetProperty("rules").EnumerateArray().ToList();
        var rule = rules.Single(r => r.GetProperty("id").GetString() == "WIT2001");
        Assert.Equal("https://github.com/wit-language-tools/wit-language-tools/blob/main/docs/diagnostics/WIT2001.md", rule.GetProperty("helpUri").GetString());
        Assert.Equal("Missing documentation", rule.GetProperty("shortDescription").GetProperty("text").GetString());
        Assert.Equal("warning", rule.GetProperty("defaultConfiguration").GetProperty("level").GetString());
        Assert.Equal("note", rules.Single(r => r.GetProperty("id").GetString() == "WIT2003").GetProperty("defaultConfiguration").GetProperty("level").GetString());

        var result = Assert.Single(run0.GetProperty("results").EnumerateArray());
        Assert.Equal("WIT2001", result.GetProperty("ruleId").GetString());
        Assert.Equal("warning", result.GetProperty("level").GetString());
        Assert.Equal("interface 'store' has no documentation comment ('///')", result.GetProperty("message").GetProperty("text").GetString());
        var location = result.GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.Equal("pkg/main.wit", location.GetProperty("artifactLocation").GetProperty("uri").GetString());
        var region = location.GetProperty("region");
        Assert.Equal(3, region.GetProperty("startLine").GetInt32());
        Assert.Equal(11, region.GetProperty("startColumn").GetInt32());
        Assert.Equal(3, region.GetProperty("endLine").GetInt32());
        Assert.Equal(16, region.GetProperty("endColumn").GetInt32());
        string fingerprint = result.GetProperty("partialFingerprints").GetProperty("primaryLocationLineHash").GetString()!;
        Assert.Equal(32, fingerprint.Length);

        // Stable across runs.
        Assert.Equal(run.Output, CliRun.Start(dir.Path, "lint", "pkg", "--format", "sarif", "--profile", "strict").Output);

        // A rule's default level is the run's: the default profile leaves WIT2001 off ("none").
        using var quiet = JsonDocument.Parse(CliRun.Start(dir.Path, "lint", "pkg", "--format", "sarif").Output);
        var quietRules = quiet.RootElement.GetProperty("runs")[0].GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToList();
        Assert.Equal("none", quietRules.Single(r => r.GetProperty("id").GetString() == "WIT2001").GetProperty("defaultConfiguration").GetProperty("level").GetString());
    }

    [Fact]
    public void GitHubLinesFollowTheWorkflowCommandSyntax()
    {
        using var dir = new TempDirectory();
        dir.Write("pkg/main.wit", """
            package a:b;

            interface store {
              /// Reads.
              read: func(p: u32) -> list<u8>;
            }

            """);

        var run = CliRun.Start(dir.Path, "lint", "pkg", "--format", "github", "--profile", "strict");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(
            "::warning file=pkg/main.wit,line=3,col=11,endLine=3,endColumn=16,title=WIT2001::interface 'store' has no documentation comment ('///')\n"
            + "::notice file=pkg/main.wit,line=5,col=3,endLine=5,endColumn=7,title=WIT2006::the result of 'read' is a list<u8>: the whole buffer is copied (and allocated) on each call; a stream<u8> would let bulk data flow incrementally\n",
            run.Output);
    }

    [Fact]
    public void GitHubEscaping()
    {
        Assert.Equal("100%25 a%0D%0Ab: c, d", LintOutput.EscapeData("100% a\r\nb: c, d"));
        Assert.Equal("a%3Ab%2Cc%25", LintOutput.EscapeProperty("a:b,c%"));
    }

    [Fact]
    public void UnknownFormatIsAUsageError()
    {
        using var dir = new TempDirectory();
        dir.Write("pkg/main.wit", Clean);

        Assert.Equal(2, CliRun.Start(dir.Path, "lint", "pkg", "--format", "xml").ExitCode);
    }

    [Fact]
    public void Json_counts_the_packages_as_check_does()
    {
        using var dir = new TempDirectory();
        dir.Write("pkg/a.wit", Clean);
        dir.Write("pkg/deps/c/c.wit", "package c:d;\n\n/// Other.\ninterface other {}\n");

        var lint = CliRun.Start(dir.Path, "lint", "pkg", "--format", "json");
        var check = CliRun.Start(dir.Path, "check", "pkg", "--format", "json");

        Assert.True(lint.ExitCode == 0 && check.ExitCode == 0, lint + "\n" + check);
        using var lintJson = JsonDocument.Parse(lint.Output);
        using var checkJson = JsonDocument.Parse(check.Output);
        Assert.Equal(2, checkJson.RootElement.GetProperty("packageCount").GetInt32());
        Assert.Equal(2, lintJson.RootElement.GetProperty("packageCount").GetInt32());
    }
}
