namespace Wit.Core.Witx.Semantics;

/// <summary>
/// The built-in types of WITX. <see cref="Char8"/> (<c>(@witx char8)</c>) is a <c>u8</c> meant as C's <c>char</c>, and
/// <see cref="Usize"/> (<c>(@witx usize)</c>) a <c>u32</c> meant as C's <c>size_t</c>: the same bits as their base
/// type, but distinct for representation checks and binding generators, as in the witx crate.
/// </summary>
public enum WitxBuiltinType
{
    U8,
    U16,
    U32,
    U64,
    S8,
    S16,
    S32,
    S64,
    F32,
    F64,
    Char,
    Char8,
    Usize,
}
