namespace Wit.Ide.Rename;

/// <summary>The edits a rename makes, or an error message saying why it cannot be done (exactly one is set).</summary>
public sealed record RenameResult(IdeWorkspaceEdit? Edit, string? Error);
