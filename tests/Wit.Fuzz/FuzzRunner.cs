using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using Wit.Core.Abi;
using Wit.Core.Diff;
using Wit.Core.Formatting;
using Wit.Core.Lint;
using Wit.Core.Semantics;
using Wit.Core.Syntax;
using Wit.Core.Text;
using Wit.Core.Witx.Semantics;
using Wit.Core.Workspace;
using Wit.Ide.CodeActions;
using Wit.Ide.CodeLens;
using Wit.Ide.Completion;
using Wit.Ide.Diagnostics;
using Wit.Ide.Folding;
using Wit.Ide.Formatting;
using Wit.Ide.Hierarchy;
using Wit.Ide.Hover;
using Wit.Ide.InlayHints;
using Wit.Ide.Navigation;
using Wit.Ide.Rename;
using Wit.Ide.Selection;
using Wit.Ide.SemanticTokens;
using Wit.Ide.SignatureHelp;
using Wit.Ide.Symbols;
using Wit.Ide.Workspace;

namespace Wit.Fuzz;

/// <summary>
/// Mutates corpus files and runs every stage on each mutant (parse, incremental reparse against a fresh parse,
/// resolve, item-level check and lint, format with its whitespace-only check, ABI facts, WITX derivation, diff against
/// the unmutated package, WITX resolution, and every IDE provider at random offsets), catching every exception and
/// timing each stage against a budget that grows linearly with the input.
/// </summary>
public sealed class FuzzRunner
{
    private readonly int _seed;
    private readonly FuzzReport _report = new();
    private readonly int _offsets;

    /// <summary>The current input's generator: each input has its own, from the seed and its number, so any input a report names can be run again alone (<c>--input N</c>).</summary>
    private Random _random = new(0);

    /// <param name="offsets">How many random offsets each IDE provider is asked at, per mutant.</param>
    public FuzzRunner(int seed, int offsets = 6)
    {
        _seed = seed;
        _offsets = offsets;
    }

    /// <summary>Input <paramref name="number"/>'s generator: the same for the same seed and number, whatever ran before.</summary>
    private Random InputRandom(int number) => new(unchecked(_seed * 1_000_003 + number));

    /// <summary>Every <c>.wit</c> and <c>.witx</c> file under the corpus, in a fixed order.</summary>
    public static IReadOnlyList<string> CorpusFiles(string corpus) =>
        Directory.GetFiles(corpus, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".wit", StringComparison.Ordinal) || f.EndsWith(".witx", StringComparison.Ordinal))
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToList();

    /// <summary>Runs mutants of <paramref name="files"/> (round-robin from a random start) until <paramref name="inputs"/> or the deadline.</summary>
    /// <param name="only">Run just this input (as numbered in a report), for a reproduction.</param>
    /// <param name="from">The number of the first input: a long run can be split into runs of consecutive inputs.</param>
    public FuzzReport Run(IReadOnlyList<string> files, int inputs, TimeSpan duration, TextWriter? progress = null, int? only = null, int from = 0)
    {
        var watch = Stopwatch.StartNew();
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        var originals = new Dictionary<string, Package?>(StringComparer.Ordinal);
        for (int i = only ?? from; (only is null ? i < from + inputs : i == only) && watch.Elapsed < duration; i++)
        {
            _random = InputRandom(i);
            string file = files[_random.Next(files.Count)];
            if (!texts.TryGetValue(file, out string? text)) texts[file] = text = File.ReadAllText(file);
            string donorFile = files[_random.Next(files.Count)];
            if (!texts.TryGetValue(donorFile, out string? donor)) texts[donorFile] = donor = File.ReadAllText(donorFile);
            var (kind, change) = Mutator.Mutate(text, donor, _random);
            string name = $"{Path.GetFileName(file)} #{i} {kind} at {change.Span.Start}";
            One(file, text, change, name, originals);
            if (progress is not null && (i + 1) % 1000 == 0) progress.WriteLine($"input {i + 1}, {watch.Elapsed.TotalSeconds:F0} s, {_report.Exceptions.Count} exceptions, {_report.WhitespaceViolations.Count} whitespace violations, {_report.IncrementalEqual}/{_report.IncrementalEdits} incremental equal, slowest {_report.Slowest.Milliseconds:F0} ms CPU");
        }

        return _report;
    }

    /// <summary>
    /// The budget of one stage on an input, in CPU time: generous for small inputs, linear in the input's size. CPU time and
    /// not wall-clock time, so that a loaded machine does not put inputs over budget (wall-clock outliers are listed apart).
    /// </summary>
    private static double Budget(int size) => 500 + size / 1024.0 * 4;

    /// <summary>When set (<c>--trace</c>), each stage's name is written here as it starts, and each mutant is saved to a file.</summary>
    public TextWriter? Trace { get; set; }

    /// <summary>
    /// Called from another thread when a stage has run longer than <see cref="HangMilliseconds"/> of wall-clock time (a
    /// hang: a stage cannot be interrupted, so the caller reports and ends the process), with the stage and input.
    /// </summary>
    public Action<string, FuzzReport>? OnHang { get; set; }

    /// <summary>Wall-clock time after which a running stage counts as hung (far above any budget, even under load).</summary>
    public const double HangMilliseconds = 180_000;

    private string? _running;
    private readonly Stopwatch _runningFor = new();
    private Timer? _watchdog;

    private void Watch(object? state)
    {
        string? running = Volatile.Read(ref _running);
        if (running is not null && _runningFor.Elapsed.TotalMilliseconds > HangMilliseconds) OnHang?.Invoke(running, _report);
    }

    private T? Stage<T>(string stage, string input, int size, Func<T> work)
    {
        Trace?.WriteLine($"{input}: {stage}");
        if (OnHang is not null)
        {
            _watchdog ??= new Timer(Watch, null, 5000, 5000);
            _runningFor.Restart();
            Volatile.Write(ref _running, $"{stage} on {input}");
        }

        var watch = Stopwatch.StartNew();
        double cpuStart = ThreadClock.Milliseconds();
        try
        {
            return work();
        }
        catch (Exception exception)
        {
            _report.Exceptions.Add($"{stage} on {input}: {exception.GetType().Name}: {exception.Message} {exception.StackTrace?.Split('\n').FirstOrDefault()?.Trim()}");
            return default;
        }
        finally
        {
            Volatile.Write(ref _running, null);
            _report.Time(stage, ThreadClock.Milliseconds() - cpuStart, watch.Elapsed.TotalMilliseconds, size, input, Budget(size));
        }
    }

    private void One(string file, string original, TextChange change, string input, Dictionary<string, Package?> originals)
    {
        _report.Inputs++;
        bool witx = file.EndsWith(".witx", StringComparison.Ordinal);
        string path = witx ? "/fuzz/input.witx" : "/fuzz/input.wit";
        string text = original.Substring(0, change.Span.Start) + change.NewText + original.Substring(change.Span.End);
        int size = text.Length;
        if (Trace is not null)
        {
            string saved = Path.Combine(Path.GetTempPath(), $"wit-fuzz-{_seed}-{input.Split('#')[1].Split(' ')[0]}{Path.GetExtension(path)}");
            File.WriteAllText(saved, text);
            Trace.WriteLine($"{input}: mutant of {file} saved to {saved}");
        }

        var fresh = Stage("parse", input, size, () => SyntaxTree.Parse(SourceText.From(text, path)));
        Stage("incremental", input, size, () =>
        {
            var before = SyntaxTree.Parse(SourceText.From(original, path));
            CompareIncremental(before.WithChange(change), fresh, input);
            // A second edit on top of the first, as an editor sends them one after the other.
            var (nextKind, next) = Mutator.Mutate(text, original, _random);
            Trace?.WriteLine($"{input}: then {nextKind} at {next.Span} with {next.NewText.Length} characters");
            string nextText = text.Substring(0, next.Span.Start) + next.NewText + text.Substring(next.Span.End);
            CompareIncremental(before.WithChange(change).WithChange(next), SyntaxTree.Parse(SourceText.From(nextText, path)), input + " then " + next.Span);
            return true;
        });

        var disk = new InMemoryFileSystem().Add(path, text);
        if (witx)
        {
            Stage("witx-resolve", input, size, () => WitxResolver.Resolve(disk, path).Diagnostics.Count);
        }
        else
        {
            var model = Stage("resolve", input, size, () => WitResolver.Resolve(disk, path));
            Stage("check-and-lint", input, size, () => WorkspaceCheck.Run(WorkspaceLoader.Load(disk, path), ResolveOptions.Default, LintOptions.Default, null).LintDiagnostics.Count);
            if (fresh is not null)
            {
                string? formatted = Stage("format", input, size, () => WitFormatter.Format(fresh));
                if (formatted is not null)
                {
                    _report.Formatted++;
                    if (Visible(formatted) != Visible(text)) _report.WhitespaceViolations.Add($"{input}: {FirstDifference(Visible(text), Visible(formatted))}");
                }
            }

            if (model is not null)
            {
                Stage("abi", input, size, () => Abi(model));
                Stage("witx-derive", input, size, () =>
                {
                    int lines = 0;
                    foreach (var @interface in model.Interfaces) lines += WitxDeriver.DeriveInterface(@interface).Text.Length;
                    foreach (var world in model.Worlds) lines += WitxDeriver.DeriveWorld(world).Text.Length;
                    return lines;
                });
                if (!originals.TryGetValue(file, out var before))
                {
                    var originalModel = WitResolver.Resolve(new InMemoryFileSystem().Add(path, original), path);
                    originals[file] = before = originalModel.Packages.LastOrDefault();
                }

                if (before is not null && model.Packages.LastOrDefault() is { } after)
                {
                    Stage("diff", input, size, () => PackageDiff.Compare(before, after).Changes.Count + PackageDiff.Compare(after, before).Changes.Count);
                }
            }
        }

        Ide(path, original, text, change, input, size);
    }

    private static int Abi(WitModel model)
    {
        int count = 0;
        foreach (bool memory64 in new[] { false, true })
        {
            var abi = new CanonicalAbi(memory64);
            foreach (var type in model.Types)
            {
                if (abi.Layout(type) is not null) count++;
            }

            foreach (var function in model.Interfaces.SelectMany(i => i.Functions.Values))
            {
                if (AbiFacts.For(function, abi, export: false) is not null) count++;
                if (AbiFacts.For(function, abi, export: true) is not null) count++;
                foreach (AbiVariant variant in Enum.GetValues(typeof(AbiVariant))) abi.Signature(function, variant);
            }
        }

        return count;
    }

    private void CompareIncremental(SyntaxTree incremental, SyntaxTree? fresh, string input)
    {
        if (fresh is null) return;
        _report.IncrementalEdits++;
        string? difference = GreenCompare.FirstDifference(fresh.Root.Green, incremental.Root.Green);
        if (difference is null) _report.IncrementalEqual++;
        else _report.IncrementalDifferences.Add($"{input}: {difference}");
    }

    private void Ide(string path, string original, string text, TextChange change, string input, int size)
    {
        var workspace = new IdeWorkspace(new InMemoryFileSystem().Add(path, original));
        var snapshot = Stage("ide-open-and-edit", input, size, () =>
        {
            workspace.Open(path, original, 1);
            return workspace.Change(path, new[] { change }, 2);
        });
        if (snapshot is null) return;
        int length = text.Length;
        var diagnostics = Stage("ide-diagnostics", input, size, () => DocumentDiagnostics.For(snapshot, path)) ?? Array.Empty<Wit.Core.Diagnostics.Diagnostic>();
        Stage("ide-semantic-tokens", input, size, () => SemanticTokensProvider.Tokens(snapshot, path).Count);
        Stage("ide-folding", input, size, () => FoldingProvider.Ranges(snapshot, path).Count);
        Stage("ide-formatting", input, size, () => FormattingProvider.Format(snapshot, path).Count);
        Stage("ide-symbols", input, size, () => DocumentSymbolProvider.Symbols(snapshot, path).Count);
        Stage("ide-code-lens", input, size, () => CodeLensProvider.Lenses(snapshot, path).Count);
        Stage("ide-inlay-hints", input, size, () => InlayHintsProvider.Hints(snapshot, path, new TextSpan(0, length)).Count);
        Stage("ide-at-offsets", input, size, () =>
        {
            for (int i = 0; i < _offsets; i++)
            {
                int offset = _random.Next(length + 1);
                HoverProvider.Hover(snapshot, path, offset);
                CompletionProvider.Complete(snapshot, path, offset);
                SignatureHelpProvider.Help(snapshot, path, offset);
                NavigationProvider.Definition(snapshot, path, offset);
                NavigationProvider.Declaration(snapshot, path, offset);
                NavigationProvider.TypeDefinition(snapshot, path, offset);
                ReferencesProvider.References(snapshot, path, offset, includeDeclaration: true, CancellationToken.None);
                HighlightProvider.Highlights(snapshot, path, offset);
                if (!RenameProvider.Prepare(snapshot, path, offset).IsError) RenameProvider.Rename(snapshot, path, offset, "renamed-name");
                foreach (var item in HierarchyProvider.PrepareTypeHierarchy(snapshot, path, offset))
                {
                    HierarchyProvider.Supertypes(snapshot, item);
                    HierarchyProvider.Subtypes(snapshot, item);
                }

                foreach (var item in HierarchyProvider.PrepareCallHierarchy(snapshot, path, offset))
                {
                    HierarchyProvider.Incoming(snapshot, item);
                    HierarchyProvider.Outgoing(snapshot, item);
                }

                Wit.Ide.Abi.AbiLayoutProvider.Layout(snapshot, path, offset);
                Wit.Ide.Preview.WitxPreviewProvider.Preview(snapshot, path, offset);
                SelectionRangeProvider.Ranges(snapshot, path, new[] { offset });
                var range = TextSpan.FromBounds(offset, Math.Min(length, offset + _random.Next(40)));
                CodeActionProvider.Actions(snapshot, path, range, diagnostics.Where(d => d.Span.IntersectsWith(range)).ToList());
                FormattingProvider.FormatRange(snapshot, path, range);
            }

            return true;
        });
        Stage("ide-workspace-symbols", input, size, () => WorkspaceSymbolProvider.Search(snapshot, "a", 50).Count);
    }

    /// <summary>The text without the whitespace a formatter may change (spaces, tabs, line breaks): a BOM is not such whitespace.</summary>
    private static string Visible(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            if (c is not (' ' or '\t' or '\r' or '\n')) builder.Append(c);
        }

        return builder.ToString();
    }

    private static string FirstDifference(string a, string b)
    {
        int i = 0;
        while (i < a.Length && i < b.Length && a[i] == b[i]) i++;
        string Around(string s) => s.Substring(Math.Max(0, i - 20), Math.Min(s.Length, i + 20) - Math.Max(0, i - 20));
        return $"visible text differs at {i}: `{Around(a)}` became `{Around(b)}`";
    }
}
