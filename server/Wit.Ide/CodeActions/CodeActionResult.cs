using System.Collections.Generic;
using Wit.Core.Diagnostics;

namespace Wit.Ide.CodeActions;

/// <summary>
/// One code action: a title, an LSP kind string (<see cref="CodeActionKinds"/>), the edit it makes, whether the editor
/// should prefer it (the one obvious fix), and the diagnostics it fixes.
/// </summary>
public sealed record CodeActionResult(string Title, string Kind, IdeWorkspaceEdit Edit, bool IsPreferred, IReadOnlyList<Diagnostic> Fixes);
