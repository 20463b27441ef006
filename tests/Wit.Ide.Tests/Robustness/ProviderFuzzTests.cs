using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using Wit.Core.Text;
using Wit.Core.Workspace;
using Wit.Ide.Abi;
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
using Wit.Ide.Preview;
using Wit.Ide.Rename;
using Wit.Ide.Selection;
using Wit.Ide.SemanticTokens;
using Wit.Ide.SignatureHelp;
using Wit.Ide.Symbols;
using Wit.Ide.Workspace;
using Wit.Core.Tests.TestKit;
using Xunit;

namespace Wit.Ide.Tests.Robustness;

/// <summary>
/// Every IDE feature on broken code: real WASI packages (with their deps) are opened in an editor and mutated at
/// random (characters deleted, inserted, lines duplicated), and after each edit every provider is asked at random
/// offsets. A provider that throws would be an internal error in the server; the results must also stay inside the
/// document. Seeded, so a failure reproduces.
/// </summary>
public class ProviderFuzzTests
{
    [Theory]
    [InlineData("wasi-0.3.0", "http", 1)]
    [InlineData("wasi-0.2.12", "filesystem", 2)]
    [InlineData("wasi-0.2.12", "cli", 3)]
    public void Every_provider_answers_on_randomly_broken_wasi_files(string version, string package, int seed)
    {
        string folder = Corpus.PathOf("wasi-wit", version, package);
        var workspace = new IdeWorkspace(PhysicalFileSystem.Instance);
        workspace.SetFolders(new[] { folder });
        var random = new Random(seed);
        var files = Directory.GetFiles(folder, "*.wit", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal).ToList();
        var answered = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int round = 0; round < 12; round++)
        {
            string path = files[random.Next(files.Count)];
            var snapshot = workspace.Snapshot;
            if (!snapshot.Open.ContainsKey(path)) snapshot = workspace.Open(path, File.ReadAllText(path), 1);
            string text = snapshot.GetDocument(path)!.Text.Text;
            snapshot = workspace.Change(path, new[] { Mutation(text, random) }, round + 2)!;
            int length = snapshot.GetDocument(path)!.Text.Length;

            Ask(snapshot, path, length, random, answered);
        }

        // Broken code must not silence the features: across the rounds, each of these answered with something, not
        // only with nothing at all.
        foreach (string feature in new[] { "tokens", "symbols", "folding", "hover", "completion", "definition", "references", "highlights" })
        {
            Assert.True(answered.GetValueOrDefault(feature) > 0, $"'{feature}' never answered with a result");
        }
    }

    private static void Ask(Analysis.IdeSnapshot snapshot, string path, int length, Random random, Dictionary<string, int> answered)
    {
        void Answered(string feature, bool any)
        {
            if (any) answered[feature] = answered.GetValueOrDefault(feature) + 1;
        }

        var diagnostics = DocumentDiagnostics.For(snapshot, path);
        Assert.All(diagnostics, d => Assert.InRange(d.Span.End, 0, length));
        var tokens = SemanticTokensProvider.Tokens(snapshot, path);
        Within(tokens.Select(t => TextSpan.FromBounds(t.Start, t.Start + t.Length)), length);
        Answered("tokens", tokens.Count > 0);
        var folding = FoldingProvider.Ranges(snapshot, path);
        Within(folding.Select(r => TextSpan.FromBounds(r.StartOffset, r.EndOffset)), length);
        Answered("folding", folding.Count > 0);
        Within(FormattingProvider.Format(snapshot, path).Select(e => e.Span), length);
        Within(CodeLensProvider.Lenses(snapshot, path).Select(l => l.Span), length);
        Within(InlayHintsProvider.Hints(snapshot, path, new TextSpan(0, length)).Select(h => new TextSpan(h.Offset, 0)), length);
        var symbols = new Stack<DocumentSymbolResult>(DocumentSymbolProvider.Symbols(snapshot, path));
        Answered("symbols", symbols.Count > 0);
        while (symbols.Count > 0)
        {
            var symbol = symbols.Pop();
            Within(new[] { symbol.Span, symbol.SelectionSpan }, length);
            foreach (var child in symbol.Children) symbols.Push(child);
        }

        for (int i = 0; i < 60; i++)
        {
            int offset = random.Next(length + 1);
            var hover = HoverProvider.Hover(snapshot, path, offset);
            if (hover is not null) Within(new[] { hover.Span }, length);
            Answered("hover", hover is not null);
            var completion = CompletionProvider.Complete(snapshot, path, offset);
            if (completion is not null) Within(new[] { completion.ReplaceSpan }, length);
            Answered("completion", completion is { Items.Count: > 0 });
            SignatureHelpProvider.Help(snapshot, path, offset);
            Answered("definition", NavigationProvider.Definition(snapshot, path, offset).Count > 0);
            NavigationProvider.Declaration(snapshot, path, offset);
            NavigationProvider.TypeDefinition(snapshot, path, offset);
            Answered("references", ReferencesProvider.References(snapshot, path, offset, includeDeclaration: true, CancellationToken.None).Count > 0);
            var highlights = HighlightProvider.Highlights(snapshot, path, offset);
            Within(highlights.Select(h => h.Span), length);
            Answered("highlights", highlights.Count > 0);
            var prepare = RenameProvider.Prepare(snapshot, path, offset);
            if (!prepare.IsError) RenameProvider.Rename(snapshot, path, offset, "renamed-name");
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

            AbiLayoutProvider.Layout(snapshot, path, offset);
            WitxPreviewProvider.Preview(snapshot, path, offset);
            foreach (var chain in SelectionRangeProvider.Ranges(snapshot, path, new[] { offset })) Within(chain, length);
            int end = Math.Min(length, offset + random.Next(40));
            var range = TextSpan.FromBounds(offset, end);
            CodeActionProvider.Actions(snapshot, path, range, diagnostics.Where(d => d.Span.IntersectsWith(range)).ToList());
            Within(FormattingProvider.FormatRange(snapshot, path, range).Select(e => e.Span), length);
        }

        WorkspaceSymbolProvider.Search(snapshot, "ge", 50);
    }

    private static void Within(IEnumerable<TextSpan> spans, int length)
    {
        foreach (var span in spans)
        {
            Assert.InRange(span.Start, 0, length);
            Assert.InRange(span.End, span.Start, length);
        }
    }

    private static TextChange Mutation(string text, Random random)
    {
        int at = random.Next(text.Length + 1);
        switch (random.Next(4))
        {
            case 0:
                return new TextChange(new TextSpan(at, Math.Min(random.Next(1, 12), text.Length - at)), string.Empty);
            case 1:
                string[] pieces = { "{", "}", "<", ">", "(", ")", ";", ":", ",", "func", "use ", "record r {", "%", "@since(", "borrow<", "list<u8, ", "\n", "///x\n" };
                return new TextChange(new TextSpan(at, 0), pieces[random.Next(pieces.Length)]);
            case 2:
                int start = text.LastIndexOf('\n', Math.Max(0, Math.Min(text.Length - 1, at - 1))) + 1;
                int lineEnd = text.IndexOf('\n', Math.Min(at, text.Length));
                if (lineEnd < 0) lineEnd = text.Length;
                if (start > lineEnd) start = lineEnd;
                return new TextChange(new TextSpan(start, 0), text.Substring(start, lineEnd - start) + "\n");
            default:
                return new TextChange(new TextSpan(at, Math.Min(1, text.Length - at)), "x");
        }
    }
}
