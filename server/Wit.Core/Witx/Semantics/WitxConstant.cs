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

    public string Name { get; }

    public ulong Value { get; }

    public SourceLocation Location { get; }

    public string? Docs { get; }

    public override string ToString() => $"${TypeName}::{Name} = {Value}";
}
