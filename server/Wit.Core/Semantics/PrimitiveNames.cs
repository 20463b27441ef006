namespace Wit.Core.Semantics;

/// <summary>The WIT spelling of each primitive.</summary>
public static class PrimitiveNames
{
    public static string Name(PrimitiveType primitive) => primitive switch
    {
        PrimitiveType.Bool => "bool",
        PrimitiveType.U8 => "u8",
        PrimitiveType.U16 => "u16",
        PrimitiveType.U32 => "u32",
        PrimitiveType.U64 => "u64",
        PrimitiveType.S8 => "s8",
        PrimitiveType.S16 => "s16",
        PrimitiveType.S32 => "s32",
        PrimitiveType.S64 => "s64",
        PrimitiveType.F32 => "f32",
        PrimitiveType.F64 => "f64",
        PrimitiveType.Char => "char",
        PrimitiveType.String => "string",
        _ => "error-context",
    };
}
