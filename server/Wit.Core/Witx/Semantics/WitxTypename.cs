using Wit.Core.Semantics;

namespace Wit.Core.Witx.Semantics;

/// <summary>A resolved <c>(typename $name type)</c>.</summary>
public sealed class WitxTypename
{
    internal WitxTypename(string name, SourceLocation location, string? docs)
    {
        Name = name;
        Location = location;
        Docs = docs;
    }

    /// <summary>The name without its <c>$</c>.</summary>
    public string Name { get; }

    /// <summary>The defined type: a reference to another typename for an alias, or the type written in place.</summary>
    public WitxTypeRef Definition { get; internal set; } = null!;

    /// <summary>The structure of the defined type.</summary>
    public WitxType Type => Definition.Type;

    /// <summary>Where the name is written.</summary>
    public SourceLocation Location { get; }

    /// <summary>The <c>;;;</c> doc comment lines, joined; null without any.</summary>
    public string? Docs { get; }

    public override string ToString() => "$" + Name;
}
