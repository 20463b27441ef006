using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Wit.Conformance.Tests.TestKit;
using Wit.Core.Semantics;
using Wit.Core.Workspace;

namespace Wit.Conformance.Tests.Corpus;

/// <summary>
/// wit-parser's UI tests (<c>../shared/corpus/wit-parser-ui</c>): passing cases (<c>X.wit.json</c> next to an input
/// <c>X.wit</c>, <c>X/</c> or <c>X.wat</c>) and parse-fail cases (<c>parse-fail/X.wit.result</c> next to <c>X.wit</c>
/// or <c>X/</c>). Inputs are read through a <see cref="MappedFileSystem"/> under upstream's own path,
/// <c>tests/ui/...</c>, as upstream resolved them: with the feature <c>active</c> enabled.
/// </summary>
public static class UiCorpus
{
    /// <summary>The path prefix upstream's test runner used, which its expectations print.</summary>
    public const string UpstreamPrefix = "tests/ui/";

    /// <summary>The options upstream's UI tests resolve with.</summary>
    public static readonly ResolveOptions Options = new(new[] { "active" });

    public static string Directory => RepoPaths.Corpus("wit-parser-ui");

    /// <summary>Reads <c>tests/ui/...</c> from the corpus folder.</summary>
    public static IFileSystem FileSystem { get; } = new MappedFileSystem(UpstreamPrefix, RepoPaths.Corpus("wit-parser-ui"));

    /// <summary>The passing cases in ordinal order of their names.</summary>
    public static IReadOnlyList<UiCase> PassingCases()
    {
        var cases = new List<UiCase>();
        foreach (string expectation in Files(Directory, ".wit.json"))
        {
            string name = Stem(expectation, ".wit.json");
            if (FindInput(Directory, name, ".wat") is not { } input) continue;
            cases.Add(new UiCase(name, UpstreamPrefix + input.Relative, input.IsDirectory, File.ReadAllText(expectation), IsUnsupported(Path.Combine(Directory, input.Relative))));
        }

        return cases;
    }

    /// <summary>The parse-fail cases whose input is in the corpus, and the names of those whose input is not.</summary>
    public static (IReadOnlyList<UiCase> Cases, IReadOnlyList<string> MissingInputs) RejectedCases()
    {
        string directory = Path.Combine(Directory, "parse-fail");
        var cases = new List<UiCase>();
        var missing = new List<string>();
        foreach (string result in Files(directory, ".wit.result"))
        {
            string name = Stem(result, ".wit.result");
            if (FindInput(directory, name, extraExtension: null) is not { } input)
            {
                missing.Add(name);
                continue;
            }

            cases.Add(new UiCase(name, UpstreamPrefix + "parse-fail/" + input.Relative, input.IsDirectory, File.ReadAllText(result), IsUnsupported(Path.Combine(directory, input.Relative))));
        }

        return (cases, missing);
    }

    private static IEnumerable<string> Files(string directory, string suffix) =>
        System.IO.Directory.EnumerateFiles(directory, "*" + suffix).OrderBy(path => path, StringComparer.Ordinal);

    private static string Stem(string path, string suffix)
    {
        string name = Path.GetFileName(path);
        return name.Substring(0, name.Length - suffix.Length);
    }

    private static (string Relative, bool IsDirectory)? FindInput(string directory, string name, string? extraExtension)
    {
        if (File.Exists(Path.Combine(directory, name + ".wit"))) return (name + ".wit", false);
        if (System.IO.Directory.Exists(Path.Combine(directory, name))) return (name, true);
        if (extraExtension is not null && File.Exists(Path.Combine(directory, name + extraExtension))) return (name + extraExtension, false);
        return null;
    }

    /// <summary>A root or dependency encoded as a component (<c>.wat</c>/<c>.wasm</c>) needs a decoder we do not have.</summary>
    private static bool IsUnsupported(string input)
    {
        if (IsEncoded(input)) return true;
        string deps = Path.Combine(input, "deps");
        return System.IO.Directory.Exists(deps) && System.IO.Directory.EnumerateFiles(deps).Any(IsEncoded);
    }

    private static bool IsEncoded(string path) => path.EndsWith(".wat", StringComparison.Ordinal) || path.EndsWith(".wasm", StringComparison.Ordinal);
}
