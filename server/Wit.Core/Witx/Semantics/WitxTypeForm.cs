namespace Wit.Core.Witx.Semantics;

/// <summary>
/// The syntax a type was written with. The semantics only see the expanded structure (<see cref="WitxTypeKind"/>);
/// features that show or derive WITX use this to speak the author's language (an <c>enum</c>, not an enum-like
/// variant).
/// </summary>
public enum WitxTypeForm
{
    Builtin,
    String,
    Bool,
    Record,
    Tuple,
    Flags,
    Variant,
    Enum,
    Union,
    Expected,
    Handle,
    List,
    Pointer,
    ConstPointer,
    Error,
}
