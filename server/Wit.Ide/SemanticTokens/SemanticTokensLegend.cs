using System.Collections.Generic;

namespace Wit.Ide.SemanticTokens;

/// <summary>
/// The semantic token legend: token types (indexes into <see cref="TokenTypes"/>, LSP's standard names) and modifier
/// bits (bit <c>i</c> is <see cref="TokenModifiers"/>[i]). The server sends both arrays as the legend.
/// </summary>
public static class SemanticTokensLegend
{
    /// <summary>Package names (<c>wasi:io</c>), WITX modules.</summary>
    public const int Namespace = 0;

    /// <summary>Type aliases and other named types, primitive types (with <see cref="DefaultLibrary"/>), WITX typenames.</summary>
    public const int Type = 1;

    /// <summary>Resources.</summary>
    public const int Class = 2;

    /// <summary>Enums, variants and flags.</summary>
    public const int Enum = 3;

    /// <summary>Interfaces and worlds.</summary>
    public const int Interface = 4;

    /// <summary>Records.</summary>
    public const int Struct = 5;

    public const int Parameter = 6;

    /// <summary>Names without a better type: feature names in gates, WITX constants.</summary>
    public const int Variable = 7;

    /// <summary>Record fields.</summary>
    public const int Property = 8;

    /// <summary>Variant, enum and flags cases.</summary>
    public const int EnumMember = 9;

    public const int Function = 10;

    /// <summary>Resource methods, static functions (with <see cref="Static"/>) and constructors.</summary>
    public const int Method = 11;

    public const int Keyword = 12;

    public const int Comment = 13;

    public const int String = 14;

    public const int Number = 15;

    /// <summary><c>-&gt;</c>, <c>=</c>, <c>*</c>.</summary>
    public const int Operator = 16;

    /// <summary>Gates such as <c>@since</c> and WITX annotations such as <c>@witx</c>.</summary>
    public const int Decorator = 17;

    /// <summary>The name where a symbol is declared.</summary>
    public const int Declaration = 1 << 0;

    /// <summary>Doc comments (<c>///</c>, <c>/** */</c>, <c>;;;</c>).</summary>
    public const int Documentation = 1 << 1;

    /// <summary>Declarations gated <c>@deprecated</c>, and names that refer to them.</summary>
    public const int Deprecated = 1 << 2;

    /// <summary>Built-in types: primitives and <c>list</c>, <c>option</c>, <c>result</c>, ...</summary>
    public const int DefaultLibrary = 1 << 3;

    /// <summary>Static resource functions.</summary>
    public const int Static = 1 << 4;

    /// <summary>The token type names, by index.</summary>
    public static IReadOnlyList<string> TokenTypes { get; } = new[]
    {
        "namespace", "type", "class", "enum", "interface", "struct", "parameter", "variable", "property", "enumMember",
        "function", "method", "keyword", "comment", "string", "number", "operator", "decorator",
    };

    /// <summary>The modifier names, by bit.</summary>
    public static IReadOnlyList<string> TokenModifiers { get; } = new[] { "declaration", "documentation", "deprecated", "defaultLibrary", "static" };
}
