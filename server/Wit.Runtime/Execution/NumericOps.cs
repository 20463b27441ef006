using System;
using System.Runtime.CompilerServices;

namespace Wit.Runtime.Execution;

/// <summary>The numeric instructions whose semantics .NET's operators do not give directly (NaN handling, signed zeros, trapping and saturating conversions).</summary>
internal static class NumericOps
{
    public const string IntegerOverflow = "integer overflow";
    public const string InvalidConversion = "invalid conversion to integer";

    public static float FMin(float a, float b) => float.IsNaN(a) || float.IsNaN(b) ? a + b : MathF.Min(a, b);
    public static float FMax(float a, float b) => float.IsNaN(a) || float.IsNaN(b) ? a + b : MathF.Max(a, b);
    public static double DMin(double a, double b) => double.IsNaN(a) || double.IsNaN(b) ? a + b : Math.Min(a, b);
    public static double DMax(double a, double b) => double.IsNaN(a) || double.IsNaN(b) ? a + b : Math.Max(a, b);

    // Rounding functions: a NaN operand gives its quieted self, as the hardware's arithmetic does.
    public static float FCeil(float a) => float.IsNaN(a) ? a + a : MathF.Ceiling(a);
    public static float FFloor(float a) => float.IsNaN(a) ? a + a : MathF.Floor(a);
    public static float FTrunc(float a) => float.IsNaN(a) ? a + a : MathF.Truncate(a);
    public static float FNearest(float a) => float.IsNaN(a) ? a + a : MathF.Round(a, MidpointRounding.ToEven);
    public static float FSqrt(float a) => float.IsNaN(a) ? a + a : MathF.Sqrt(a);
    public static double DCeil(double a) => double.IsNaN(a) ? a + a : Math.Ceiling(a);
    public static double DFloor(double a) => double.IsNaN(a) ? a + a : Math.Floor(a);
    public static double DTrunc(double a) => double.IsNaN(a) ? a + a : Math.Truncate(a);
    public static double DNearest(double a) => double.IsNaN(a) ? a + a : Math.Round(a, MidpointRounding.ToEven);
    public static double DSqrt(double a) => double.IsNaN(a) ? a + a : Math.Sqrt(a);

    /// <summary>Truncation to an integer type: null when in range, else the trap message.</summary>
    public static string? CheckTrunc(double x, double lowExclusive, double highExclusive) =>
        double.IsNaN(x) ? InvalidConversion : x <= lowExclusive || x >= highExclusive ? IntegerOverflow : null;

    public const double I32Low = -2147483649.0, I32High = 2147483648.0, U32Low = -1.0, U32High = 4294967296.0;
    public const double I64Low = -9223372036854777856.0, I64High = 9223372036854775808.0, U64High = 18446744073709551616.0;

    public static int SatI32(double x) => double.IsNaN(x) ? 0 : x <= I32Low ? int.MinValue : x >= I32High ? int.MaxValue : (int)x;
    public static uint SatU32(double x) => double.IsNaN(x) ? 0 : x <= U32Low ? 0 : x >= U32High ? uint.MaxValue : (uint)x;
    public static long SatI64(double x) => double.IsNaN(x) ? 0 : x < -9223372036854775808.0 ? long.MinValue : x >= I64High ? long.MaxValue : (long)x;
    public static ulong SatU64(double x) => double.IsNaN(x) ? 0 : x <= U32Low ? 0 : x >= U64High ? ulong.MaxValue : (ulong)x;

    /// <summary>u64 to f32 with one rounding (halving with a sticky bit keeps round-to-nearest-even exact).</summary>
    public static float U64ToF32(ulong v)
    {
        if ((long)v >= 0)
        {
            return (long)v;
        }
        float half = (long)((v >> 1) | (v & 1));
        return half * 2;
    }

    public static double U64ToF64(ulong v)
    {
        if ((long)v >= 0)
        {
            return (long)v;
        }
        double half = (long)((v >> 1) | (v & 1));
        return half * 2;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint F32Bits(float f) => BitConverter.SingleToUInt32Bits(f);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float F32(ulong bits) => BitConverter.UInt32BitsToSingle((uint)bits);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double F64(ulong bits) => BitConverter.UInt64BitsToDouble(bits);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong F64Bits(double d) => BitConverter.DoubleToUInt64Bits(d);
}
