using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>The values of <see cref="FoldingRange.Kind"/>; LSP encodes them as strings.</summary>
public static class FoldingRangeKind
{
    /// <summary>A folding range for a comment.</summary>
    public const string Comment = "comment";

    /// <summary>A folding range for imports or includes.</summary>
    public const string Imports = "imports";

    /// <summary>A folding range for a region, for example one marked by <c>#region</c>.</summary>
    public const string Region = "region";
}
