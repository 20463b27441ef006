using System.Collections.Generic;
using System.Linq;
using System.Text;
using Wit.Core.Semantics;
using Wit.Core.Syntax;
using Wit.Core.Tests.TestKit;
using Wit.Core.Text;
using Wit.Core.Wit.Nodes;
using Xunit;

namespace Wit.Core.Tests.Semantics;

/// <summary>
/// The resolver's green readers answer what the red tree and the typed views answer, on every WIT file of the corpus
/// and on a broken copy of each (every 13th character dropped): an item's first token and the token before it
/// (<see cref="SyntaxNode.FirstAndPreviousGreenTokens"/>, what docs are read from, and <see cref="Docs.PreviousTokenInList"/>,
/// the shortcut for a body's members), and a record's fields and a
/// signature's parameters with their names, types and docs (<see cref="GreenCursor.ListItems"/>).
/// </summary>
public sealed class GreenReaderTests
{
    [Fact]
    public void GreenReadersAgreeWithTheRedTreeOverTheCorpus()
    {
        var files = Corpus.Files("", ".wit");
        Assert.True(files.Count > 400, $"only {files.Count} corpus files");
        var failures = new List<string>();
        int items = 0;
        foreach (string path in files)
        {
            string text = Corpus.ReadText(path);
            foreach (var (variant, source) in new[] { ("", text), (" (broken)", Broken(text)) })
            {
                var tree = SyntaxTree.Parse(SourceText.From(source, path));
                foreach (var node in tree.Root.DescendantNodes())
                {
                    if (Problem(node, ref items) is { } problem) failures.Add($"{Corpus.Relative(path)}{variant}: {node.Kind} at {node.Position}: {problem}");
                }
            }
        }

        Assert.True(items > 1000, $"only {items} fields and parameters compared");
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)));
    }

    private static string? Problem(SyntaxNode node, ref int items)
    {
        var redFirst = node.FirstToken();
        var redPrevious = redFirst is { } f ? SyntaxNode.PreviousToken(f) : null;
        var (first, previous) = node.FirstAndPreviousGreenTokens();
        if (!ReferenceEquals(first, redFirst?.Green)) return $"first token {first} instead of {redFirst?.Green}";
        if (!ReferenceEquals(previous, redPrevious?.Green)) return $"previous token {previous} instead of {redPrevious?.Green}";

        // A body member's docs are read with the token before it found in its list when an earlier slot holds one.
        if (first is not null && node.Parent is { } parent && Docs.PreviousTokenInList(parent.Green, node.Index, out var inList) && !ReferenceEquals(inList, previous))
        {
            return $"previous token in the list {inList} instead of {previous}";
        }

        var (listKind, itemKind) = node.Kind switch
        {
            SyntaxKind.Record => (SyntaxKind.RecordFieldList, SyntaxKind.RecordField),
            SyntaxKind.FunctionType or SyntaxKind.ResourceConstructor => (SyntaxKind.ParameterList, SyntaxKind.Parameter),
            _ => (SyntaxKind.None, SyntaxKind.None),
        };
        if (listKind == SyntaxKind.None) return null;
        var views = node.Kind == SyntaxKind.Record
            ? ((RecordSyntax)WitNode.From(node)!).Fields.Select(f => (WitNode)f).ToList()
            : ViewParameters(node);
        var green = new List<GreenListItem>();
        foreach (var item in GreenCursor.ListItems(node, listKind, itemKind)) green.Add(item);
        if (green.Count != views.Count) return $"{green.Count} items instead of {views.Count}";

        // Walked from a green cursor (no red owner), the same items at the same places.
        int walked = 0;
        foreach (var item in new GreenCursor(node.Green, node.Position).ListItems(listKind, itemKind))
        {
            if (walked >= green.Count || !ReferenceEquals(item.Item.Node, green[walked].Item.Node) || item.Item.Position != green[walked].Item.Position) return $"item {walked}: another item from the cursor";
            walked++;
        }

        if (walked != green.Count) return $"{walked} items from the cursor instead of {green.Count}";
        for (int i = 0; i < green.Count; i++)
        {
            items++;
            var view = views[i];
            var (name, type) = view is RecordFieldSyntax field ? (field.Name, field.Type) : (((ParameterSyntax)view).Name, ((ParameterSyntax)view).Type);
            bool hasName = green[i].Item.TryGetToken(SyntaxKind.IdentifierToken, out var greenName, out int nameStart);
            if (hasName != name.HasValue || hasName && (!ReferenceEquals(greenName, name!.Value.Green) || nameStart != name.Value.Span.Start)) return $"item {i}: another name";
            var greenType = green[i].Item.FirstType();
            if (greenType.HasValue != (type is not null) || type is not null && (!ReferenceEquals(greenType!.Value.Node, type.Syntax.Green) || greenType.Value.Position != type.Syntax.Position || greenType.Value.Span != type.Span)) return $"item {i}: another type";
            // As resolving reads a field's docs: from the green list when it can, else from the red node.
            string? greenDocs = (Docs.TrySourceOfInList(green[i], out var listDocs) ? listDocs : Docs.SourceOf(green[i].ToRed()))?.Text;
            if (greenDocs != Docs.Of(view)) return $"item {i}: docs '{greenDocs}' instead of '{Docs.Of(view)}'";
            if (green[i].ToRed() != view.Syntax) return $"item {i}: another red node";
        }

        return null;
    }

    private static List<WitNode> ViewParameters(SyntaxNode node) => WitNode.From(node) switch
    {
        FunctionTypeSyntax function => function.Parameters.Select(p => (WitNode)p).ToList(),
        ResourceConstructorSyntax constructor => constructor.Parameters.Select(p => (WitNode)p).ToList(),
        _ => new List<WitNode>(),
    };

    private static string Broken(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            if (i % 13 != 12) builder.Append(text[i]);
        }

        return builder.ToString();
    }
}
