using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>The value of the <c>$/progress</c> notification that reports work-done progress.</summary>
public sealed class WorkDoneProgressReport
{
    /// <summary>Always <c>report</c>.</summary>
    public string Kind { get; set; } = "report";

    /// <summary>Whether the client shows a cancel button.</summary>
    public bool? Cancellable { get; set; }

    /// <summary>Optional, more detailed progress message.</summary>
    public string? Message { get; set; }

    /// <summary>Optional progress percentage between 0 and 100.</summary>
    public int? Percentage { get; set; }
}
