using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>The events a file system watcher is interested in; serialised as a number.</summary>
[System.Flags]
public enum WatchKind
{
    /// <summary>Interested in create events.</summary>
    Create = 1,
    /// <summary>Interested in change events.</summary>
    Change = 2,
    /// <summary>Interested in delete events.</summary>
    Delete = 4,
}
