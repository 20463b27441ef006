using System.IO;
using Wit.Core.Syntax;
using Wit.Core.Text;
using Wit.Core.Witx.Semantics;
using Xunit;

namespace Wit.Cli.Tests;

/// <summary><c>wit witx</c> derives WITX from WIT; <c>wit check</c> validates <c>.witx</c> documents.</summary>
public sealed class WitxCommandTests
{
    private const string Package = "package demo:kv@0.1.0;\n\ninterface store {\n  record entry { key: string, value: list<u8> }\n  get: func(key: string) -> option<list<u8>>;\n  put: func(e: entry);\n}\n\nworld host {\n  import store;\n}\n";

    [Fact]
    public void DerivesAnInterfaceThatParsesAndValidates()
    {
        using var dir = new TempDirectory();
        dir.Write("kv.wit", Package);

        var run = CliRun.Start(dir.Path, "witx", "kv.wit", "--interface", "store");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("(typename $entry", run.Output);
        Assert.Contains("(@interface func (export \"get\")", run.Output);
        var model = WitxResolver.Resolve(run.Output, "derived.witx");
        Assert.Empty(model.Diagnostics);
        Assert.Empty(SyntaxTree.ParseWitx(SourceText.From(run.Output)).Diagnostics);
    }

    [Fact]
    public void WritesAWorldToAFile()
    {
        using var dir = new TempDirectory();
        dir.Write("kv.wit", Package);

        var run = CliRun.Start(dir.Path, "witx", "kv.wit", "--world", "host", "-o", "host.witx");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(string.Empty, run.Output);
        string written = File.ReadAllText(Path.Combine(dir.Path, "host.witx"));
        Assert.Contains("(module $", written);
        Assert.Empty(WitxResolver.Resolve(written, "host.witx").Diagnostics);
    }

    [Fact]
    public void UnknownNamesAndMissingSelectorsAreUsageErrors()
    {
        using var dir = new TempDirectory();
        dir.Write("kv.wit", Package);

        var unknown = CliRun.Start(dir.Path, "witx", "kv.wit", "--interface", "nope");
        var neither = CliRun.Start(dir.Path, "witx", "kv.wit");

        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("no interface `nope` in the root package (available: store)", unknown.Error);
        Assert.Equal(2, neither.ExitCode);
        Assert.Contains("exactly one of --interface or --world", neither.Error);
    }

    [Fact]
    public void CheckValidatesWitxDocuments()
    {
        using var dir = new TempDirectory();
        dir.Write("good.witx", "(typename $size u32)\n(module $m (@interface func (export \"f\") (param $s $size) (result $r $size)))\n");
        dir.Write("bad.witx", "(typename $size u32)\n(typename $size u64)\n(module $m (@interface func (export \"f\") (param $s $missing)))\n");

        var good = CliRun.Start(dir.Path, "check", "good.witx");
        var bad = CliRun.Start(dir.Path, "check", "bad.witx");

        Assert.True(good.ExitCode == 0, good.ToString());
        Assert.Contains("checked 1 file: 0 errors", good.Error);
        Assert.Equal(1, bad.ExitCode);
        Assert.Contains("error[WITX1", bad.Output);
        Assert.Contains("--> bad.witx:", bad.Output);
    }
}
