using Wit.Core.Text;

namespace Wit.Ide.Rename;

/// <summary>
/// The answer to "can this be renamed?": the span of the name at the cursor and the text to offer for editing, or an
/// error message saying why not (exactly one of the two is set).
/// </summary>
public sealed record PrepareRenameResult(TextSpan Span, string? Placeholder, string? Error)
{
    public bool IsError => Error is not null;

    public static PrepareRenameResult Refused(string error) => new(default, null, error);
}
