using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Xunit;
using Xunit.Abstractions;

namespace Wit.Runtime.Tests.Spec;

/// <summary>
/// The WebAssembly spec test suite: every non-SIMD file of the shared corpus, every command kind. A file fails on any
/// failing command that <c>Spec/known-failures.txt</c> does not list (each entry: <c>file:line reason</c>), and also
/// when a listed failure no longer fails (so the list cannot go stale). SIMD files are skipped and counted.
/// </summary>
public sealed class SpecTests
{
    private readonly ITestOutputHelper _output;

    public SpecTests(ITestOutputHelper output) => _output = output;

    public static IEnumerable<object[]> Files() =>
        SpecCorpus.AllNames().Where(n => !SpecCorpus.IsSimd(n)).Select(n => new object[] { n });

    [Theory]
    [MemberData(nameof(Files))]
    public void File_passes(string name)
    {
        var result = SpecRunner.Run(SpecCorpus.Json(name));
        var known = KnownFailures.For(name);
        var unexpected = result.Failures.Where(f => !known.ContainsKey(f.Line)).ToList();
        var fixedNow = known.Keys.Where(l => result.Failures.All(f => f.Line != l)).ToList();
        _output.WriteLine($"{name}: {result.Passed} passed, {result.Failures.Count} failed ({result.Failures.Count - unexpected.Count} known), {result.PassedByKind.GetValueOrDefault("assert_malformed (text)")} text assert_malformed rejected");
        foreach (var (line, message) in result.Failures)
        {
            _output.WriteLine($"  {name}.wast:{line}: {message}{(known.ContainsKey(line) ? $" [known: {known[line]}]" : "")}");
        }
        Assert.True(result.Passed > 0, $"{name}: no command ran");
        Assert.True(unexpected.Count == 0, $"{name}: {unexpected.Count} unexpected failures, first at line {unexpected.FirstOrDefault().Line}: {unexpected.FirstOrDefault().Message}");
        Assert.True(fixedNow.Count == 0, $"{name}: known failures that now pass (remove them from known-failures.txt): lines {string.Join(", ", fixedNow)}");
    }

    [Fact]
    public void Simd_files_are_skipped_and_counted()
    {
        var simd = SpecCorpus.AllNames().Where(SpecCorpus.IsSimd).ToList();
        _output.WriteLine($"{simd.Count} SIMD files skipped: {string.Join(", ", simd)}");
        Assert.NotEmpty(simd);
        Assert.All(simd, n => Assert.StartsWith("simd_", n));
    }
}

/// <summary>The committed list of spec commands expected to fail, with a reason each.</summary>
internal static class KnownFailures
{
    private static readonly Lazy<Dictionary<string, Dictionary<int, string>>> All = new(Load);

    public static Dictionary<int, string> For(string name) =>
        All.Value.TryGetValue(name, out var d) ? d : new Dictionary<int, string>();

    private static Dictionary<string, Dictionary<int, string>> Load()
    {
        var result = new Dictionary<string, Dictionary<int, string>>(StringComparer.Ordinal);
        string path = Path.Combine(AppContext.BaseDirectory, "Spec", "known-failures.txt");
        foreach (var raw in File.ReadAllLines(path))
        {
            string line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }
            int colon = line.IndexOf(':');
            int space = line.IndexOf(' ');
            if (colon < 0 || space < colon || line[(space + 1)..].Trim().Length == 0)
            {
                throw new InvalidOperationException($"known-failures.txt: \"{raw}\" is not `file:line reason`");
            }
            string file = line[..colon];
            int number = int.Parse(line[(colon + 1)..space], System.Globalization.CultureInfo.InvariantCulture);
            if (!result.TryGetValue(file, out var d))
            {
                result[file] = d = new Dictionary<int, string>();
            }
            d[number] = line[(space + 1)..].Trim();
        }
        return result;
    }
}
