namespace Wit.Runtime.Canonical;

/// <summary>The WIT value types a <see cref="ComponentValue"/> carries.</summary>
public enum ComponentValueKind
{
    Bool,
    S8,
    U8,
    S16,
    U16,
    S32,
    U32,
    S64,
    U64,
    F32,
    F64,
    Char,
    String,
    /// <summary>A list, fixed-length list or map (a list of key-value tuples).</summary>
    List,
    /// <summary>A record or tuple: its fields in declaration order.</summary>
    Record,
    /// <summary>A variant, enum, option (none = 0, some = 1) or result (ok = 0, error = 1): a case index and an optional payload.</summary>
    Case,
    /// <summary>Flags as a bit mask, the first label in bit 0.</summary>
    Flags,
    /// <summary>An owned handle, as its resource's representation (<c>rep</c>).</summary>
    Own,
    /// <summary>A borrowed handle, as its resource's representation (<c>rep</c>).</summary>
    Borrow,
}
