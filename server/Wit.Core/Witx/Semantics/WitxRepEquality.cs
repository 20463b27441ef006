namespace Wit.Core.Witx.Semantics;

/// <summary>How one type's values relate to another's representation (the witx crate's <c>RepEquality</c>).</summary>
public enum WitxRepEquality
{
    /// <summary>Both types have the same representation.</summary>
    Eq,

    /// <summary>Every value of the first type is represented by the second, which has more (wider tags, more cases).</summary>
    Superset,

    /// <summary>The second type cannot represent some value of the first.</summary>
    NotEq,
}
