using Wit.Core.Text;

namespace Wit.Ide;

/// <summary>A span of a file, by path and UTF-16 offsets (the server turns it into an LSP location).</summary>
public readonly record struct IdeLocation(string Path, TextSpan Span);
