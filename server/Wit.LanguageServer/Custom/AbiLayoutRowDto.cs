namespace Wit.LanguageServer.Custom;

/// <summary>One row of an ABI layout table (a type, field, case, function, or its lowered/lifted core signature).</summary>
public sealed class AbiLayoutRowDto
{
    public required string Item { get; set; }

    public required string Kind { get; set; }

    public required string Name { get; set; }

    public string? Type { get; set; }

    public long? Offset { get; set; }

    public long? Size { get; set; }

    public int? Alignment { get; set; }

    public string? Note { get; set; }
}
