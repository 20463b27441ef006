using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>A file system watcher. LSP also allows a relative pattern; this library uses a glob string.</summary>
public sealed class FileSystemWatcher
{
    /// <summary>The glob pattern to watch, for example <c>**/*.wit</c>.</summary>
    public required string GlobPattern { get; set; }

    /// <summary>The kinds of events of interest; all of them when omitted.</summary>
    public WatchKind? Kind { get; set; }
}
