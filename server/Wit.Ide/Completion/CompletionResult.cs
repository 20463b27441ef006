using System.Collections.Generic;
using Wit.Core.Text;

namespace Wit.Ide.Completion;

/// <summary>
/// The proposals at a cursor. <see cref="ReplaceSpan"/> covers the name fragment being typed (possibly empty, at the
/// cursor), so the editor filters the items by that text and each item's insert text replaces it.
/// </summary>
public sealed record CompletionResult(TextSpan ReplaceSpan, IReadOnlyList<CompletionItemResult> Items, bool IsIncomplete);
