using Wit.Core.Semantics;

namespace Wit.Core.Witx.Semantics;

/// <summary>
/// A named member: a record field, a variant case (whose payload is optional), an enum case or flag (no type), or a
/// function parameter or result. The witx crate has one shape for all of them, and so does this model.
/// </summary>
public sealed class WitxMember
{
    internal WitxMember(string name, WitxTypeRef? type, string? docs, SourceLocation? location)
    {
        Name = name;
        Type = type;
        Docs = docs;
        Location = location;
    }

    /// <summary>The name without its <c>$</c>.</summary>
    public string Name { get; }

    /// <summary>The member's type; null for a case without payload and for enum cases and flags.</summary>
    public WitxTypeRef? Type { get; }

    /// <summary>The <c>;;;</c> doc comment lines, joined; null without any.</summary>
    public string? Docs { get; }

    /// <summary>Where the member's name is written; null for members a shorthand implies.</summary>
    public SourceLocation? Location { get; }

    public override string ToString() => Type is { } type ? $"${Name}: {type}" : "$" + Name;
}
