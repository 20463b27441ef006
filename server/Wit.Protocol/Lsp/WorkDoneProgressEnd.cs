using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>The value of the <c>$/progress</c> notification that ends a work-done progress.</summary>
public sealed class WorkDoneProgressEnd
{
    /// <summary>Always <c>end</c>.</summary>
    public string Kind { get; set; } = "end";

    /// <summary>Optional, final message.</summary>
    public string? Message { get; set; }
}
