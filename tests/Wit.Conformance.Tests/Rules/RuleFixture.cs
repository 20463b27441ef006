using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using Wit.Cli;
using Wit.Conformance.Tests.Corpus;
using Wit.Conformance.Tests.TestKit;
using Wit.Core.Diagnostics;
using Wit.Core.Semantics;

namespace Wit.Conformance.Tests.Rules;

/// <summary>
/// One rule fixture of <c>tests/Wit.Conformance.Tests/Rules/&lt;area&gt;/</c>: a package root (<c>case.wit</c> or a
/// directory <c>case/</c> with its <c>deps/</c>) written for one rule of wit-parser, with upstream's verdict
/// (<c>case.upstream</c>, recorded by <c>scripts/record-upstream.sh</c> from wit-oracle) and our rendered diagnostics
/// (<c>case.expected</c>, blessed with <c>WIT_BLESS=1</c>).
/// </summary>
public sealed class RuleFixture
{
    private RuleFixture(string name, string inputPath)
    {
        Name = name;
        InputPath = inputPath;
    }

    /// <summary>The folder that holds the areas.</summary>
    public static string Directory => Path.Combine(RepoPaths.Root, "tests", "Wit.Conformance.Tests", "Rules");

    /// <summary><c>area/case</c>, as the disagreement list names it.</summary>
    public string Name { get; }

    /// <summary>The input relative to <see cref="Directory"/> (<c>area/case.wit</c> or <c>area/case</c>).</summary>
    public string InputPath { get; }

    public string UpstreamPath => Path.Combine(Directory, Name + ".upstream");

    public string ExpectedPath => Path.Combine(Directory, Name + ".expected");

    /// <summary>Every case of every area, in ordinal order of their names.</summary>
    public static IReadOnlyList<RuleFixture> All()
    {
        var cases = new List<RuleFixture>();
        foreach (string area in System.IO.Directory.EnumerateDirectories(Directory))
        {
            string areaName = Path.GetFileName(area);
            foreach (string file in System.IO.Directory.EnumerateFiles(area, "*.wit"))
            {
                string stem = Path.GetFileNameWithoutExtension(file);
                cases.Add(new RuleFixture($"{areaName}/{stem}", $"{areaName}/{stem}.wit"));
            }

            foreach (string folder in System.IO.Directory.EnumerateDirectories(area))
            {
                string stem = Path.GetFileName(folder);
                cases.Add(new RuleFixture($"{areaName}/{stem}", $"{areaName}/{stem}"));
            }
        }

        return cases.OrderBy(c => c.Name, StringComparer.Ordinal).ToList();
    }

    /// <summary>Resolves the case as <c>wit check</c> does, with no feature enabled (as wit-oracle resolves).</summary>
    public WitModel Resolve() => WitResolver.Resolve(new RelativeFileSystem(Directory), InputPath, ResolveOptions.Default);

    /// <summary>Every diagnostic rendered as <c>wit check</c> prints it, or a line saying there is none.</summary>
    public static string Render(WitModel model)
    {
        if (model.Diagnostics.Count == 0) return "(no diagnostics)\n";
        var text = new StringBuilder();
        foreach (var diagnostic in model.Diagnostics) text.Append(DiagnosticRenderer.Render(diagnostic).Replace('\\', '/')).Append('\n');
        return text.ToString();
    }

    /// <summary>Upstream's verdict: null when accepted, else its error message's first line.</summary>
    public UpstreamVerdict ReadUpstream()
    {
        if (!File.Exists(UpstreamPath)) return UpstreamVerdict.Missing;
        var lines = File.ReadAllText(UpstreamPath).Replace("\r\n", "\n").Split('\n');
        return lines[0] switch
        {
            "accept" => UpstreamVerdict.Accepted,
            "reject" => UpstreamVerdict.Rejected(RejectionMessage(lines.Skip(1).ToList())),
            _ => UpstreamVerdict.Missing,
        };
    }

    /// <summary>
    /// The message of a rejection record: the first line of wit-parser's error without its context prefixes, or, when
    /// the package resolved but encoding the component failed ("Failed to decode Wasm", the validator's error in its
    /// "Caused by:" part), the validator's message without its binary offset.
    /// </summary>
    public static string RejectionMessage(IReadOnlyList<string> lines)
    {
        string first = lines.FirstOrDefault(l => l.Length > 0) ?? string.Empty;
        if (first == "Failed to decode Wasm")
        {
            int cause = lines.ToList().IndexOf("Caused by:");
            if (cause >= 0 && lines.Skip(cause + 1).FirstOrDefault(l => l.Trim().Length > 0) is { } validator)
            {
                return ValidatorOffset.Replace(validator.Trim(), string.Empty);
            }
        }

        return UpstreamError.StripPrefixes(first);
    }

    private static readonly Regex ValidatorOffset = new(@" \(at offset 0x[0-9a-f]+\)$", RegexOptions.CultureInvariant);

    /// <summary>How our verdict differs from upstream's, or null when it agrees.</summary>
    public string? Disagreement(WitModel model)
    {
        var upstream = ReadUpstream();
        var first = model.Diagnostics.FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error);
        if (upstream.IsMissing) return $"no upstream verdict in {Name}.upstream (run scripts/record-upstream.sh)";
        if (upstream.Message is null)
        {
            return first is null ? null : $"upstream accepts; we report {first.Code} \"{WitParserMessageFormatter.FirstLineOf(first.Message)}\"";
        }

        if (first is null) return $"upstream rejects with \"{upstream.Message}\"; we accept";

        // For a directory package upstream's oracle prints only the outermost context of the error (which package it
        // was parsing), not the message: only the verdict can be compared.
        if (ContextOnly.IsMatch(upstream.Message)) return null;
        string ours = WitParserMessageFormatter.FirstLineOf(first.Message);
        return ours == upstream.Message ? null : $"upstream says \"{upstream.Message}\"; we say {first.Code} \"{ours}\"";
    }

    public override string ToString() => Name;

    private static readonly Regex ContextOnly =
        new(@"^failed to (parse package|parse dependency directory|resolve directory while parsing WIT for path): \S+$", RegexOptions.CultureInvariant);
}
