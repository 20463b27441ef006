using Wit.Core.Semantics;

namespace Wit.Core.Witx.Semantics;

/// <summary>
/// A use of a type: by name (<c>$errno</c>), which keeps the typename for bindings and ABI decisions that need one,
/// or by value (an anonymous <c>(list u8)</c>). <see cref="Type"/> is the structure either way.
/// </summary>
public sealed class WitxTypeRef
{
    internal WitxTypeRef(WitxTypename? name, WitxType type, SourceLocation? location)
    {
        Name = name;
        Type = type;
        Location = location;
    }

    /// <summary>The typename referred to, or null for an anonymous type.</summary>
    public WitxTypename? Name { get; }

    /// <summary>The structure of the type (through the typename when named).</summary>
    public WitxType Type { get; }

    /// <summary>True for a reference to a typename.</summary>
    public bool IsNamed => Name is not null;

    /// <summary>Where the reference or the anonymous type is written.</summary>
    public SourceLocation? Location { get; }

    public override string ToString() => Name is { } name ? "$" + name.Name : Type.ToString();
}
