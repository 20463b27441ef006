using System.Runtime.CompilerServices;

namespace Wit.Runtime.Execution;

/// <summary>LEB128 reads for the interpreter, over validated code (no checks: the validator has read every immediate).</summary>
internal static class Leb
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint U32(byte[] c, ref int pc)
    {
        uint b = c[pc++];
        return b < 0x80 ? b : U32Slow(c, ref pc, b);
    }

    private static uint U32Slow(byte[] c, ref int pc, uint result)
    {
        result &= 0x7F;
        for (int shift = 7; ; shift += 7)
        {
            uint b = c[pc++];
            result |= (b & 0x7F) << shift;
            if (b < 0x80)
            {
                return result;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int S32(byte[] c, ref int pc)
    {
        int b = c[pc++];
        return b < 0x80 ? (b << 25) >> 25 : S32Slow(c, ref pc, b);
    }

    // A multi-byte i32 immediate: the same as an i64's, truncated (the validator has checked its range).
    private static int S32Slow(byte[] c, ref int pc, int first)
    {
        pc--;
        return (int)S64(c, ref pc);
    }

    public static long S64(byte[] c, ref int pc)
    {
        long result = 0;
        int shift = 0;
        long b;
        do
        {
            b = c[pc++];
            result |= (b & 0x7F) << shift;
            shift += 7;
        }
        while (b >= 0x80);
        if (shift < 64 && (b & 0x40) != 0)
        {
            result |= -1L << shift;
        }
        return result;
    }

    /// <summary>Skips one LEB128 (a block type is one: 0x40, a value type, or a type index).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Skip(byte[] c, ref int pc)
    {
        while (c[pc++] >= 0x80)
        {
        }
    }
}
