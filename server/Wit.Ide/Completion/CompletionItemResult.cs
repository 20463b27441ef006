using System.Collections.Generic;

namespace Wit.Ide.Completion;

/// <summary>
/// One completion proposal. <see cref="InsertText"/> replaces the result's replace span (the label when null); when
/// <see cref="IsSnippet"/> is set it uses LSP snippet syntax (<c>${1:name}</c>, <c>$0</c>). <see cref="Documentation"/>
/// is Markdown. <see cref="AdditionalEdits"/> change other places of the same document.
/// </summary>
public sealed record CompletionItemResult(
    string Label,
    CompletionItemKind Kind,
    string? Detail = null,
    string? Documentation = null,
    string? InsertText = null,
    bool IsSnippet = false,
    string? SortText = null,
    string? FilterText = null,
    IReadOnlyList<IdeTextEdit>? AdditionalEdits = null);
