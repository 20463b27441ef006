namespace Wit.Core.Semantics;

/// <summary>What a type definition is; <see cref="Alias"/> is <c>type a = b;</c>.</summary>
public enum TypeDefinitionKind
{
    Record,
    Resource,
    Handle,
    Flags,
    Tuple,
    Variant,
    Enum,
    Option,
    Result,
    List,
    FixedSizeList,
    Map,
    Future,
    Stream,
    Alias,

    /// <summary>A definition whose resolution failed; kept so that the rest of the model stays usable.</summary>
    Error,
}
