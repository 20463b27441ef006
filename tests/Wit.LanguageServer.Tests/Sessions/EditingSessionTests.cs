using System;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Wit.Core.Workspace;
using Wit.Core.Tests.TestKit;
using Wit.LanguageServer.Tests.TestKit;
using Xunit;
using Xunit.Abstractions;

namespace Wit.LanguageServer.Tests.Sessions;

/// <summary>
/// A scripted editing session on the real WASI 0.3 <c>http</c> package (from the shared corpus, with its
/// <c>deps/</c>): a new function is typed into <c>interface types</c> one character at a time, then an error is
/// introduced and fixed. After every change the diagnostics published for that version are checked.
/// </summary>
public class EditingSessionTests
{
    private readonly ITestOutputHelper _output;

    public EditingSessionTests(ITestOutputHelper output)
    {
        _output = output;
    }

    private static int[] Errors(JsonObject published, out string summary)
    {
        var errors = published["diagnostics"]!.AsArray().Where(d => d!["severity"]!.GetValue<int>() == 1).ToList();
        summary = string.Join("; ", errors.Select(d => $"{d!["range"]!["start"]!["line"]}:{d["range"]!["start"]!["character"]} {d["code"]} {d["message"]}"));
        return errors.Select(d => d!["range"]!["start"]!["line"]!.GetValue<int>()).ToArray();
    }

    [Fact]
    public async Task Typing_a_function_into_wasi_http_reports_each_state_and_ends_clean()
    {
        string folder = Corpus.PathOf("wasi-wit", "wasi-0.3.0", "http");
        string path = Path.Combine(folder, "wit", "types.wit");
        Assert.True(File.Exists(path), $"the corpus is expected at {path}");
        string text = File.ReadAllText(path);
        var lines = text.Split('\n');
        int closing = Array.FindLastIndex(lines, l => l == "}");
        Assert.Equal("  }", lines[closing - 1]);

        await using var client = await LspTestClient.StartAsync(PhysicalFileSystem.Instance, new[] { folder });
        await client.OpenAsync(path, text, version: 1);
        var first = await client.WaitForVersionAsync(path, 1);
        Assert.Empty(Errors(first, out _));
        // Issue 15: the untouched package showed 37 warnings (WIT2007 on every resource method, which inherit their
        // resource's gate); the default lint profile reports none.
        Assert.DoesNotContain(first["diagnostics"]!.AsArray(), d => d!["severity"]!.GetValue<int>() == 2);

        // A new line before the interface's closing brace, then the function, one keystroke at a time.
        int version = 1;
        await client.ChangeAsync(path, ++version, closing, 0, closing, 0, "\n");
        const string function = "  my-func: func(a: u32) -> string;";
        for (int i = 0; i < function.Length; i++)
        {
            await client.ChangeAsync(path, ++version, closing, i, closing, i, function[i].ToString());
            var published = await client.WaitForVersionAsync(path, version);
            var errorLines = Errors(published, out string summary);
            string typed = function.Substring(0, i + 1);
            if (typed.EndsWith(';') || typed.TrimEnd().Length == 0)
            {
                Assert.True(errorLines.Length == 0, $"after '{typed}': expected no errors, got {summary}");
            }
            else
            {
                // Half-typed: the syntax error is reported where the text stops making sense: on the new line or at
                // the interface's closing brace right after it; no error leaks anywhere else.
                Assert.True(errorLines.Length > 0, $"after '{typed}': expected an error");
                Assert.True(errorLines.All(l => l == closing || l == closing + 1), $"after '{typed}': errors outside the edit: {summary}");
            }
        }

        // The finished function has no warning in the default lint profile: it inherits its interface's @since, and
        // documentation on every item is the strict profile's preference.
        var done = client.LatestDiagnostics(path)!;
        var onFunction = done["diagnostics"]!.AsArray().Where(d => d!["range"]!["start"]!["line"]!.GetValue<int>() == closing).ToList();
        Assert.DoesNotContain(onFunction, d => d!["severity"]!.GetValue<int>() <= 2);

        // An unknown type: `string` -> `strin`, reported at the name with upstream's message; then fixed.
        int at = function.IndexOf("string", StringComparison.Ordinal);
        await client.ChangeAsync(path, ++version, closing, at + 5, closing, at + 6, "");
        var broken = await client.WaitForVersionAsync(path, version);
        var error = broken["diagnostics"]!.AsArray().Single(d => d!["severity"]!.GetValue<int>() == 1)!;
        Assert.Equal("WIT1001", error["code"]!.GetValue<string>());
        Assert.Equal("name `strin` does not exist", error["message"]!.GetValue<string>());
        Assert.Equal(closing, error["range"]!["start"]!["line"]!.GetValue<int>());
        Assert.Equal(at, error["range"]!["start"]!["character"]!.GetValue<int>());
        Assert.Equal(at + 5, error["range"]!["end"]!["character"]!.GetValue<int>());

        await client.ChangeAsync(path, ++version, closing, at + 5, closing, at + 5, "g");
        Assert.Empty(Errors(await client.WaitForVersionAsync(path, version), out _));

        // A type from a dependency that does not exist there: `use wasi:clocks/...` names are checked across deps/.
        await client.ChangeAsync(path, ++version, closing, at, closing, at + 6, "instant");
        var unknownDep = await client.WaitForVersionAsync(path, version);
        Assert.Contains(unknownDep["diagnostics"]!.AsArray(), d => d!["severity"]!.GetValue<int>() == 1 && d["message"]!.GetValue<string>().Contains("instant", StringComparison.Ordinal));
        await client.ChangeAsync(path, ++version, closing, at, closing, at + 7, "string");
        Assert.Empty(Errors(await client.WaitForVersionAsync(path, version), out _));

        // Every other file of the workspace kept its (empty) error list throughout: nothing was published with errors.
        var others = client.Notifications
            .Where(n => n["method"]!.GetValue<string>() == "textDocument/publishDiagnostics")
            .Select(n => n["params"]!)
            .Where(p => p["uri"]!.GetValue<string>() != LspTestClient.Uri(path))
            .ToList();
        Assert.NotEmpty(others);
        Assert.All(others, p => Assert.DoesNotContain(p["diagnostics"]!.AsArray(), d => d!["severity"]!.GetValue<int>() == 1));
        _output.WriteLine($"{version} versions checked; {others.Count} publications for other files");
        Assert.Empty(client.UnexpectedResponses);
    }
}
