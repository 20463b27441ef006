using Wit.Core.Semantics;

namespace Wit.Core.Witx.Semantics;

/// <summary>A resolved <c>(@witx const $type $name value)</c>: a named value of an integer typename.</summary>
public sealed class WitxConstant
{
    internal WitxConstant(string typeName, WitxTypename? type, string name, ulong value, SourceLocation location, string? docs)
    {
        TypeName = typeName;
        Type = type;
        Name = name;
        Value = value;
        Location = location;
        Docs = docs;
    }

    /// <summary>The name of the constant's type, without its <c>$</c>.</summary>
    public string TypeName { get; }

    /// <summary>The typename, or null when it did not resolve.</summary>
    public WitxTypename? Type { get; }

    /// <summary>The constant's name, without its <c>$</c>.</summary>
    public string Name { get; }

    /// <summary>The value as 64 bits (a negative value of a signed type in two's complement).</summary>
    public ulong Value { get; }

    /// <summary>Where the constant's name is written.</summary>
    public SourceLocation Location { get; }

    /// <summary>The <c>;;;</c> doc comment lines, joined; null without any.</summary>
    public string? Docs { get; }

    public override string ToString() => $"${TypeName}::{Name} = {Value}";
}
