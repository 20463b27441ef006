using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Wit.Analyzers.Tests;

/// <summary>
/// Runs <see cref="WitBindingsGenerator"/> the way a build does: <c>.wit</c> files as AdditionalFiles carrying the
/// <c>WitRoot</c>/<c>WitWorld</c> metadata the build targets give them, a compilation against .NET 10's reference
/// assemblies and Wit.Hosting, and the diagnostics of the compilation that includes the generated code.
/// </summary>
internal static class GeneratorHarness
{
    public static readonly ImmutableArray<MetadataReference> References =
        Basic.Reference.Assemblies.Net100.References.All.Cast<MetadataReference>()
            .Append(MetadataReference.CreateFromFile(typeof(Wit.Hosting.Unit).Assembly.Location))
            .ToImmutableArray();

    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    /// <summary>A <c>&lt;Wit&gt;</c> item: its root, world, and files (full paths and texts).</summary>
    public sealed record Item(string Root, string World, IReadOnlyList<(string Path, string Text)> Files, string Features = "");

    /// <summary>The item of a directory on disk (a WIT package with its <c>deps/</c>), under the fake root <paramref name="root"/>.</summary>
    public static Item FromDirectory(string directory, string world)
    {
        var files = Directory.EnumerateFiles(directory, "*.wit", SearchOption.AllDirectories)
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => (p.Replace('\\', '/'), File.ReadAllText(p)))
            .ToList();
        return new Item(directory.Replace('\\', '/').TrimEnd('/') + "/", world, files);
    }

    public static (CSharpGeneratorDriver Driver, Compilation Output, ImmutableArray<Diagnostic> GeneratorDiagnostics) Run(
        IReadOnlyList<Item> items, string hostSource = "", CSharpGeneratorDriver? driver = null, Compilation? compilation = null)
    {
        compilation ??= CreateCompilation(hostSource);
        driver ??= CreateDriver(items, Texts(items));
        driver = (CSharpGeneratorDriver)driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        return (driver, output, diagnostics);
    }

    /// <summary>The AdditionalFiles of <paramref name="items"/>.</summary>
    public static ImmutableArray<AdditionalText> Texts(IReadOnlyList<Item> items) =>
        items.SelectMany(i => i.Files.Select(f => Text(f.Path, f.Text))).ToImmutableArray();

    public static AdditionalText Text(string path, string text) => new WitText(path, text);

    /// <summary>A driver over <paramref name="texts"/>, with the metadata of <paramref name="items"/> and its steps tracked.</summary>
    public static CSharpGeneratorDriver CreateDriver(IReadOnlyList<Item> items, ImmutableArray<AdditionalText> texts) =>
        CSharpGeneratorDriver.Create(
            new[] { new WitBindingsGenerator().AsSourceGenerator() },
            texts,
            ParseOptions,
            new Options(items),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    public static CSharpCompilation CreateCompilation(string hostSource) =>
        CSharpCompilation.Create(
            "Host",
            hostSource.Length == 0 ? Array.Empty<SyntaxTree>() : new[] { CSharpSyntaxTree.ParseText(hostSource, ParseOptions, "Host.cs") },
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    /// <summary>Errors and warnings of the compilation (generated code included), with hidden and info left out.</summary>
    public static List<Diagnostic> Problems(Compilation compilation) =>
        compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();

    /// <summary>The generated files, by hint name.</summary>
    public static SortedDictionary<string, string> Generated(CSharpGeneratorDriver driver)
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var generated in driver.GetRunResult().Results.SelectMany(r => r.GeneratedSources)) result[generated.HintName] = generated.SourceText.ToString();
        return result;
    }

    private sealed class WitText : AdditionalText
    {
        private readonly SourceText _text;

        public WitText(string path, string text)
        {
            Path = path;
            _text = SourceText.From(text);
        }

        public override string Path { get; }

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    private sealed class Options : AnalyzerConfigOptionsProvider
    {
        private readonly Dictionary<string, FileOptions> _byPath = new(StringComparer.Ordinal);
        private readonly GlobalValues _global;

        public Options(IReadOnlyList<Item> items)
        {
            // As the build targets do: every item's root, those without files included (WITH0006).
            _global = new GlobalValues(string.Join("|", items.Select(i => i.Root)));
            foreach (var item in items)
            {
                foreach (var file in item.Files) _byPath[file.Path] = new FileOptions(item.Root, item.World, item.Features);
            }
        }

        public override AnalyzerConfigOptions GlobalOptions => _global;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => FileOptions.Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
            _byPath.TryGetValue(textFile.Path, out var options) ? options : FileOptions.Empty;
    }

    private sealed class GlobalValues : AnalyzerConfigOptions
    {
        private readonly string _roots;

        public GlobalValues(string roots) => _roots = roots;

        public override bool TryGetValue(string key, out string value)
        {
            value = key == "build_property.WitItemRoots" ? _roots : null!;
            return value is not null;
        }
    }

    private sealed class FileOptions : AnalyzerConfigOptions
    {
        public static readonly FileOptions Empty = new(null, null, null);
        private readonly string? _root;
        private readonly string? _world;
        private readonly string? _features;

        public FileOptions(string? root, string? world, string? features)
        {
            _root = root;
            _world = world;
            _features = features;
        }

        public override bool TryGetValue(string key, out string value)
        {
            value = key switch
            {
                "build_metadata.AdditionalFiles.WitRoot" => _root!,
                "build_metadata.AdditionalFiles.WitWorld" => _world!,
                "build_metadata.AdditionalFiles.WitFeatures" => _features!,
                _ => null!,
            };
            return value is not null;
        }
    }
}
