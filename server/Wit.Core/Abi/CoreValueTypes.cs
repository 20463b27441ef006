namespace Wit.Core.Abi;

/// <summary>Spellings and the variant <c>join</c> of core value types.</summary>
public static class CoreValueTypes
{
    public static string Name(CoreValueType type) => type switch
    {
        CoreValueType.I32 => "i32",
        CoreValueType.I64 => "i64",
        CoreValueType.F32 => "f32",
        _ => "f64",
    };

    /// <summary>The tightest type both values bit-cast into (CanonicalABI.md's <c>join</c>).</summary>
    public static CoreValueType Join(CoreValueType a, CoreValueType b)
    {
        if (a == b) return a;
        if (a is CoreValueType.I32 or CoreValueType.F32 && b is CoreValueType.I32 or CoreValueType.F32) return CoreValueType.I32;
        return CoreValueType.I64;
    }
}
