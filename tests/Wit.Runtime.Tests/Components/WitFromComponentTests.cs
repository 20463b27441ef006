using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using Wit.Runtime.Component;
using Xunit;
using Xunit.Abstractions;

namespace Wit.Runtime.Tests.Components;

/// <summary>
/// WIT printed from WIT packages encoded as components: wit-component's interface tests
/// (<c>../shared/corpus/wit-print</c>: <c>X.wat</c> is the package's encoding, <c>X.wit.print</c> what
/// <c>wasm-tools component wit</c> prints for it), compared with doc comments left out and whitespace normalised.
/// </summary>
public sealed class WitFromComponentTests
{
    private readonly ITestOutputHelper _output;

    public WitFromComponentTests(ITestOutputHelper output) => _output = output;

    internal static string Normalise(string wit)
    {
        var lines = wit.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith("//", StringComparison.Ordinal));
        return Regex.Replace(string.Join(" ", lines), @"\s+", " ").Replace(",}", "}").Replace(", }", " }");
    }

    [Fact]
    public void Encoded_packages_print_as_upstream_prints_them()
    {
        var dir = RepoPaths.Corpus("wit-print");
        var cases = Directory.GetFiles(dir, "*.wat").OrderBy(p => p, StringComparer.Ordinal)
            .Where(p => File.Exists(Path.ChangeExtension(p, ".wit.print")))
            .ToList();
        var binaries = ComponentText.Parse(cases.Select(File.ReadAllText).ToList());
        var failures = new List<string>();
        int same = 0;
        for (int i = 0; i < cases.Count; i++)
        {
            string name = Path.GetFileNameWithoutExtension(cases[i]);
            var (wasm, error) = binaries[i];
            if (wasm == null)
            {
                failures.Add($"{name}: jco could not parse: {error?.Split('\n')[0]}");
                continue;
            }
            string printed;
            try
            {
                printed = WitFromComponent.Print(ComponentDecoder.Decode(wasm));
            }
            catch (WasmException e)
            {
                failures.Add($"{name}: {e.Message}");
                continue;
            }
            string expected = File.ReadAllText(Path.ChangeExtension(cases[i], ".wit.print"));
            if (Normalise(printed) == Normalise(expected))
            {
                same++;
            }
            else
            {
                failures.Add($"{name}: differs\n--- ours\n{printed}--- upstream\n{expected}");
            }
        }
        var report = new StringBuilder($"{same} of {cases.Count} print as upstream\n");
        foreach (var f in failures)
        {
            report.AppendLine(f);
        }
        _output.WriteLine(report.ToString());
        File.WriteAllText(RepoPaths.Artifact("wit-from-component.txt"), report.ToString());
        Assert.True(same >= MinSame, report.ToString());
    }

    /// <summary>The count measured when this test was written (a floor): all of them.</summary>
    private const int MinSame = 22;
}
