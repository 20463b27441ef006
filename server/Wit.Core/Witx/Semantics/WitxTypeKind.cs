namespace Wit.Core.Witx.Semantics;

/// <summary>
/// The structure of a WITX type after the shorthands are expanded, as the witx crate models it: tuples and flags are
/// records, enums, unions, <c>expected</c> and <c>bool</c> are variants, and <c>string</c> is a list of <c>char</c>.
/// </summary>
public enum WitxTypeKind
{
    Builtin,
    Record,
    Variant,
    Handle,
    List,
    Pointer,
    ConstPointer,

    /// <summary>A type that did not resolve; a diagnostic was reported where it was written.</summary>
    Error,
}
