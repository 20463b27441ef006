namespace Wit.Core.Semantics;

/// <summary>The built-in types of WIT, spelled as wit-parser's JSON spells them.</summary>
public enum PrimitiveType
{
    Bool,
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
    String,
    ErrorContext,
}
