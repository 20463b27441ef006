using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Wit.Core.Syntax;
using Wit.Core.Tests.TestKit;
using Wit.Core.Text;
using Xunit;
using Xunit.Abstractions;

namespace Wit.Core.Tests.Wit;

/// <summary>
/// WIT that upstream accepts has no syntax errors. One fact per corpus folder; a failure lists every file with its
/// first diagnostic (<c>path:line:column CODE message</c>).
/// </summary>
public sealed class AcceptedWitTests
{
    private readonly ITestOutputHelper _output;

    public AcceptedWitTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void WitParserUiPackagesHaveNoSyntaxErrors()
    {
        string parseFail = Corpus.PathOf("wit-parser-ui", "parse-fail") + Path.DirectorySeparatorChar;
        AssertClean(Corpus.Files("wit-parser-ui", ".wit").Where(path => !path.StartsWith(parseFail, StringComparison.Ordinal)));
    }

    [Fact]
    public void WasiWitHasNoSyntaxErrors() => AssertClean(Corpus.Files("wasi-wit", ".wit"));

    [Fact]
    public void WitPrintInputsHaveNoSyntaxErrors() => AssertClean(Corpus.Files("wit-print", ".wit"));

    [Fact]
    public void RealworldWitHasNoSyntaxErrors() => AssertClean(Corpus.Files("realworld", ".wit"));

    [Fact]
    public void WitCliPrintInputsHaveNoSyntaxErrors()
    {
        // A command test whose stderr holds an error is an expected failure upstream; leave those inputs out. (Today
        // all four are rejected after parsing: two by resolution, two by the binary validator; this test does not
        // rely on that.)
        var accepted = new List<string>();
        foreach (string path in Corpus.Files("wit-cli-print", ".wit"))
        {
            if (ExpectedToFail(path)) _output.WriteLine($"left out (stderr reports an error): {Corpus.Relative(path)}");
            else accepted.Add(path);
        }

        AssertClean(accepted);
    }

    private static bool ExpectedToFail(string witPath)
    {
        string directory = Path.GetDirectoryName(witPath)!;
        string name = Path.GetFileName(witPath);
        foreach (string stderr in Directory.EnumerateFiles(directory, name + ".*stderr"))
        {
            string content = File.ReadAllText(stderr);
            if (content.Contains("error", StringComparison.Ordinal)) return true;
        }

        return false;
    }

    private void AssertClean(IEnumerable<string> paths)
    {
        var files = paths.ToList();
        Assert.NotEmpty(files);
        var failures = new List<string>();
        foreach (string path in files)
        {
            var text = SourceText.From(Corpus.ReadText(path), path);
            var diagnostics = SyntaxTree.Parse(text).Diagnostics;
            if (diagnostics.Count > 0)
            {
                failures.Add($"{Corpus.Relative(path)}:{TreeChecks.Describe(diagnostics[0], text)} ({diagnostics.Count} in all)");
            }
        }

        _output.WriteLine($"{files.Count - failures.Count} of {files.Count} files have no syntax diagnostics");
        Assert.True(failures.Count == 0, $"{failures.Count} of {files.Count} accepted files report syntax errors:\n" + string.Join("\n", failures));
    }
}
