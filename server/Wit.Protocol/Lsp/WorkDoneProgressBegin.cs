using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>The value of the <c>$/progress</c> notification that starts a work-done progress.</summary>
public sealed class WorkDoneProgressBegin
{
    /// <summary>Always <c>begin</c>.</summary>
    public string Kind { get; set; } = "begin";

    /// <summary>The mandatory title of the progress operation.</summary>
    public required string Title { get; set; }

    /// <summary>Whether the client shows a cancel button.</summary>
    public bool? Cancellable { get; set; }

    /// <summary>Optional, more detailed progress message.</summary>
    public string? Message { get; set; }

    /// <summary>Optional progress percentage between 0 and 100.</summary>
    public int? Percentage { get; set; }
}
