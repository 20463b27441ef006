using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wit.Protocol.Lsp;

/// <summary>The signature of something callable.</summary>
public sealed class SignatureInformation
{
    /// <summary>The label of this signature, shown in the user interface.</summary>
    public required string Label { get; set; }

    /// <summary>The documentation of this signature.</summary>
    public MarkupContent? Documentation { get; set; }

    /// <summary>The parameters of this signature.</summary>
    public ParameterInformation[]? Parameters { get; set; }

    /// <summary>The index of the active parameter, overriding <see cref="SignatureHelp.ActiveParameter"/>.</summary>
    public int? ActiveParameter { get; set; }
}
