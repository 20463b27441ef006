using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using Wit.Core.Diagnostics;
using Xunit;

namespace Wit.Repo.Tests;

/// <summary>
/// The catalogues own their messages: a report site passes values to a catalogue factory, never a descriptor with a
/// text of its own, and only a catalogue writes a message (<c>DiagnosticDescriptor.Message</c>). And every code is
/// exercised by some test: it appears in a test's input or expectation under <c>tests/</c>.
/// </summary>
public class CatalogueUsageTests
{
    /// <summary>The catalogues, every one converted to factories: class name and file. A new catalogue joins this list.</summary>
    private static readonly (string Name, string File)[] Converted =
    {
        ("SyntaxDiagnostics", "server/Wit.Core/Diagnostics/SyntaxDiagnostics.cs"),
        ("ResolveDiagnostics", "server/Wit.Core/Diagnostics/ResolveDiagnostics.cs"),
        ("LintDiagnostics", "server/Wit.Core/Lint/LintDiagnostics.cs"),
        ("LintConfigurationDiagnostics", "server/Wit.Core/Lint/LintConfigurationDiagnostics.cs"),
        ("WitxSyntaxDiagnostics", "server/Wit.Core/Diagnostics/WitxSyntaxDiagnostics.cs"),
        ("WitxDiagnostics", "server/Wit.Core/Diagnostics/WitxDiagnostics.cs"),
    };

    /// <summary>Test files that name codes without exercising them.</summary>
    private static readonly string[] NotExercising =
    {
        "tests/Wit.Core.Tests/Diagnostics/CatalogueFactoryTests.cs",
        "tests/Wit.Repo.Tests/CatalogueUsageTests.cs",
    };

    /// <summary>Codes no input can produce yet, with why; each leaves this list with the test that produces it.</summary>
    private static readonly Dictionary<string, string> Reserved = new(StringComparer.Ordinal);

    private static readonly Regex MessageCall = new(@"\.\s*Message\s*\(", RegexOptions.CultureInvariant);

    public static IEnumerable<object[]> ConvertedNames => Converted.Select(c => new object[] { c.Name });

    [Theory]
    [MemberData(nameof(ConvertedNames))]
    public void No_report_site_passes_a_descriptor_and_a_text(string catalogue)
    {
        var offenders = Offenders(DescriptorWithText(catalogue));

        Assert.True(offenders.Count == 0,
            $"{catalogue}'s descriptor passed with a message (call one of its factories, which writes the text) in:\n" + string.Join("\n", offenders));
    }

    [Theory]
    [InlineData("Report(WitxDiagnostics.Witx1001, \"Unknown name\", span);", true)]
    [InlineData("new Diagnostic(WitxDiagnostics.Witx1001 , message, span)", true)]
    [InlineData("Report(WitxDiagnostics.UnknownName(name), span);", false)]
    [InlineData("foreach (var d in WitxDiagnostics.All, x)", false)]
    [InlineData("Report(MyWitxDiagnostics.Witx1001, \"m\");", false)]
    public void The_descriptor_check_matches_a_descriptor_followed_by_an_argument(string source, bool matches)
    {
        Assert.Equal(matches, DescriptorWithText("WitxDiagnostics").IsMatch(source));
    }

    [Fact]
    public void Only_catalogues_write_messages()
    {
        var allowed = Converted.Select(c => c.File).ToList();
        var offenders = Offenders(MessageCall).Where(o => !allowed.Any(f => o.StartsWith(f + ":", StringComparison.Ordinal))).ToList();

        Assert.True(offenders.Count == 0,
            $"DiagnosticDescriptor.Message called outside the catalogues ({string.Join(", ", allowed)}; add a factory there) in:\n" + string.Join("\n", offenders));
    }

    [Fact]
    public void Every_code_appears_in_a_test()
    {
        var texts = TestFiles().Select(path => File.ReadAllText(RepoPaths.Combine(path))).ToList();
        Assert.NotEmpty(texts);

        var unmentioned = AllDescriptors().Select(d => d.Code).Distinct()
            .Where(code => !texts.Any(text => text.Contains(code, StringComparison.Ordinal)))
            .OrderBy(code => code, StringComparer.Ordinal)
            .ToList();

        var missing = unmentioned.Where(code => !Reserved.ContainsKey(code)).ToList();
        Assert.True(missing.Count == 0,
            $"codes no test input or expectation under tests/ mentions: {string.Join(", ", missing)}; add a test that produces each, with its code");
        var tested = Reserved.Keys.Where(code => !unmentioned.Contains(code)).ToList();
        Assert.True(tested.Count == 0, $"codes listed as reserved that a test now mentions: {string.Join(", ", tested)}; take them off the list");
    }

    /// <summary><c>Catalogue.Name</c> directly followed by a comma: a descriptor passed as an argument before its message.</summary>
    private static Regex DescriptorWithText(string catalogue) =>
        new($@"\b{Regex.Escape(catalogue)}\s*\.\s*(?!All\b)\w+\s*,", RegexOptions.CultureInvariant);

    /// <summary>"path:line: text" for every line of a .cs file under server/ that matches.</summary>
    private static List<string> Offenders(Regex pattern)
    {
        var offenders = new List<string>();
        foreach (string path in Files("server", "*.cs"))
        {
            string[] lines = File.ReadAllLines(RepoPaths.Combine(path));
            for (int i = 0; i < lines.Length; i++)
            {
                if (pattern.IsMatch(lines[i])) offenders.Add($"{path}:{i + 1}: {lines[i].Trim()}");
            }
        }

        return offenders;
    }

    /// <summary>Test inputs and expectations: every .cs, .expected and .txt file under tests/, but the catalogue tests.</summary>
    private static IEnumerable<string> TestFiles() =>
        new[] { "*.cs", "*.expected", "*.txt" }.SelectMany(pattern => Files("tests", pattern))
            .Where(path => !NotExercising.Contains(path, StringComparer.Ordinal));

    /// <summary>Files below a repository folder, build output excluded, as '/'-separated relative paths.</summary>
    private static IEnumerable<string> Files(string folder, string pattern)
    {
        foreach (string file in Directory.EnumerateFiles(RepoPaths.Combine(folder), pattern, SearchOption.AllDirectories))
        {
            string relative = Path.GetRelativePath(RepoPaths.Root, file).Replace('\\', '/');
            if (relative.Split('/').Any(part => part is "bin" or "obj" or "node_modules")) continue;
            yield return relative;
        }
    }

    /// <summary>Every descriptor of every catalogue: each public static descriptor field of Wit.Core's public types.</summary>
    private static IEnumerable<DiagnosticDescriptor> AllDescriptors() =>
        typeof(DiagnosticDescriptor).Assembly.GetExportedTypes()
            .SelectMany(type => type.GetFields(BindingFlags.Public | BindingFlags.Static))
            .Where(field => field.FieldType == typeof(DiagnosticDescriptor))
            .Select(field => (DiagnosticDescriptor)field.GetValue(null)!);
}
