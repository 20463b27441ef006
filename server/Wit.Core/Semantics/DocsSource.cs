using Wit.Core.Syntax;

namespace Wit.Core.Semantics;

/// <summary>
/// An item's documentation before it is read: the comments around its first token (the trivia arrays of the green
/// tree), turned into wit-parser's text (<see cref="Docs.FromTrivia"/>) the first time something asks for it. A check
/// never asks: WASI 0.3 <c>http</c> is four-fifths doc comments, and making their 150 KB of text took its run past the
/// 2 MB block of memory it otherwise fits in (see docs/decisions/native-startup.md).
/// </summary>
internal sealed class DocsSource
{
    private readonly GreenTrivia[]? _previousTrailing;
    private readonly GreenTrivia[] _leading;
    private string? _text;
    private volatile bool _read;

    private DocsSource(GreenTrivia[]? previousTrailing, GreenTrivia[] leading)
    {
        _previousTrailing = previousTrailing;
        _leading = leading;
    }

    /// <summary>The source of the docs these trivia make, or null when they hold no comment (no docs).</summary>
    public static DocsSource? Of(GreenTrivia[]? previousTrailing, GreenTrivia[] leading) =>
        HasComment(previousTrailing) || HasComment(leading) ? new DocsSource(previousTrailing, leading) : null;

    /// <summary>The docs (the same string every time; two threads asking at once may each make it once).</summary>
    public string? Text
    {
        get
        {
            if (_read) return _text;
            _text = Docs.FromTrivia(_previousTrailing, _leading);
            _read = true;
            return _text;
        }
    }

    /// <summary>The docs of a model object's field: a string, a <see cref="DocsSource"/> not read yet, or null.</summary>
    public static string? Read(object? docs) => docs is DocsSource source ? source.Text : (string?)docs;

    private static bool HasComment(GreenTrivia[]? trivia)
    {
        if (trivia is null) return false;
        foreach (var t in trivia)
        {
            if (SyntaxFacts.IsComment(t.Kind)) return true;
        }

        return false;
    }
}
