using System;
using System.Linq;
using Wit.Core.Syntax;
using Wit.Core.Tests.Wit.Fuzz;
using Wit.Core.Text;

namespace Wit.Core.Tests.Wit.Incremental;

/// <summary>
/// Random edits as an editor sends them: typed characters and tokens, pasted fragments, deletions and replacements,
/// often near the previous edit, sometimes at the very start or end. Keeps the text between a quarter of and about
/// twice its original length.
/// </summary>
public sealed class RandomEdits
{
    private static readonly string[] Tokens = WitTokenSoup.Fragments
        .Concat(SyntaxFacts.KeywordSpellings.OrderBy(k => k, StringComparer.Ordinal))
        .Concat(new[] { "x", "foo-bar", "%world", "a", " ", "  ", "\t", "1.0.0", "\"s\"", "Bad", "\u00e9", "\ud83d\ude00", "\ud800" })
        .ToArray();

    private readonly Random _random;
    private readonly int _originalLength;
    private int _lastPosition;

    public RandomEdits(Random random, int originalLength)
    {
        _random = random;
        _originalLength = originalLength;
    }

    /// <summary>The next edit of <paramref name="tree"/>'s text; a tenth of them start at a top-level item boundary.</summary>
    public TextChange Next(SyntaxTree tree)
    {
        string text = tree.Text.Text;
        int position = _random.Next(10) == 0 ? ItemBoundary(tree.GreenRoot) : ChoosePosition(text.Length);
        bool mustShrink = text.Length > (2 * _originalLength) + 200;
        bool mustGrow = text.Length < _originalLength / 4;
        int kind = mustShrink ? 6 : mustGrow ? _random.Next(6) : _random.Next(10);
        TextChange change = kind switch
        {
            < 4 => new TextChange(new TextSpan(position, 0), Tokens[_random.Next(Tokens.Length)]),
            < 6 => new TextChange(new TextSpan(position, 0), WitTokenSoup.Next(_random, 40)),
            < 8 => new TextChange(new TextSpan(position, DeletionLength(text.Length - position)), string.Empty),
            _ => new TextChange(new TextSpan(position, DeletionLength(text.Length - position)), Tokens[_random.Next(Tokens.Length)]),
        };
        _lastPosition = change.Span.Start + change.NewText.Length;
        return change;
    }

    /// <summary>Where a random top-level item starts: its full start or the start of its first token.</summary>
    private int ItemBoundary(GreenNode root)
    {
        int item = _random.Next(root.SlotCount);
        int position = 0;
        for (int i = 0; i < item; i++) position += root.GetSlot(i).FullWidth;
        var slot = root.GetSlot(item);
        var first = slot as GreenToken ?? (slot as GreenNode)?.FirstToken();
        if (_random.Next(2) == 0 && first is not null) position += first.LeadingWidth;
        return position;
    }

    private int ChoosePosition(int length)
    {
        int choice = _random.Next(20);
        if (choice == 0) return 0;
        if (choice == 1) return length;
        if (choice < 9) return Math.Clamp(_lastPosition + _random.Next(-3, 4), 0, length);
        return _random.Next(0, length + 1);
    }

    private int DeletionLength(int available)
    {
        int length = _random.Next(10) switch
        {
            < 6 => _random.Next(1, 4),
            < 9 => _random.Next(1, 40),
            _ => _random.Next(1, 400),
        };
        return Math.Min(length, available);
    }
}
