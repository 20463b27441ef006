using System.Collections.Generic;

namespace Wit.Ide;

/// <summary>Edits to several documents, by path; each document's edits do not overlap.</summary>
public sealed record IdeWorkspaceEdit(IReadOnlyDictionary<string, IReadOnlyList<IdeTextEdit>> Changes);
