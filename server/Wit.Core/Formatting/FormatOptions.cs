using System;

namespace Wit.Core.Formatting;

/// <summary>
/// How <see cref="WitFormatter"/> indents: with a given unit (spaces or a tab) per level, or with the unit the
/// document already uses (<see cref="Detect"/>: see <see cref="WitFormatter.DetectIndent"/>), two spaces when nothing
/// in it is indented.
/// </summary>
public sealed class FormatOptions
{
    /// <summary>The largest number of spaces an indentation unit may have.</summary>
    public const int MaxIndentSize = 16;

    /// <summary>The unit wit-component's printer uses, and the fallback when a document shows none.</summary>
    public const string DefaultIndentUnit = "  ";

    /// <summary>Keep the document's own indentation unit; two spaces when nothing is indented.</summary>
    public static readonly FormatOptions Detect = new(null);

    /// <summary>One tab per level.</summary>
    public static readonly FormatOptions Tabs = new("\t");

    private FormatOptions(string? indentUnit) => IndentUnit = indentUnit;

    /// <summary>The whitespace written once per level, or null to detect it from the document.</summary>
    public string? IndentUnit { get; }

    /// <summary><paramref name="count"/> spaces per level (1 to <see cref="MaxIndentSize"/>).</summary>
    public static FormatOptions Spaces(int count)
    {
        if (count < 1 || count > MaxIndentSize) throw new ArgumentOutOfRangeException(nameof(count), count, $"an indentation unit has 1 to {MaxIndentSize} spaces");
        return count == 2 ? TwoSpaces : new FormatOptions(new string(' ', count));
    }

    private static readonly FormatOptions TwoSpaces = new(DefaultIndentUnit);

    /// <summary>A description for messages: <c>4 spaces</c>, <c>tabs</c>, <c>detected</c>.</summary>
    public override string ToString() => IndentUnit switch
    {
        null => "detected",
        "\t" => "tabs",
        _ => IndentUnit.Length == 1 ? "1 space" : $"{IndentUnit.Length} spaces",
    };
}
