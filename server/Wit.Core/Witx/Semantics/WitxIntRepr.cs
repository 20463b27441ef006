namespace Wit.Core.Witx.Semantics;

/// <summary>The unsigned integer that stores a variant's tag or a set of flags.</summary>
public enum WitxIntRepr
{
    U8,
    U16,
    U32,
    U64,
}
