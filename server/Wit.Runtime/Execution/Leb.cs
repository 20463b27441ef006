using System;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace Wit.Runtime.Execution;

/// <summary>LEB128 reads for the interpreter, over validated code (no checks: the validator has read every immediate).</summary>
internal static class Leb
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint U32(byte[] c, ref int pc)
    {
        uint b = c[pc++];
        return b < 0x80 ? b : U32Slow(c, ref pc);
    }

    // A multi-byte u32 (at most five bytes): eight bytes at once where the code has them.
    private static uint U32Slow(byte[] c, ref int pc)
    {
        pc--;
        if (BitConverter.IsLittleEndian && pc + 8 <= c.Length)
        {
            ulong x = Unsafe.ReadUnaligned<ulong>(ref c[pc]);
            int length = (BitOperations.TrailingZeroCount(~x & Continuations) >> 3) + 1;
            pc += length;
            return (uint)Compact(x & (ulong.MaxValue >> (64 - 8 * length)));
        }
        uint result = 0;
        for (int shift = 0; ; shift += 7)
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
        return b < 0x80 ? (b << 25) >> 25 : S32Slow(c, ref pc);
    }

    // A multi-byte i32 immediate: the same as an i64's, truncated (the validator has checked its range).
    private static int S32Slow(byte[] c, ref int pc)
    {
        pc--;
        return (int)S64(c, ref pc);
    }

    /// <summary>
    /// A signed LEB128 of up to ten bytes. Where eight bytes can be read at once (little-endian machines, not at the
    /// end of the module), the groups of seven bits are gathered with shifts and masks instead of a loop per byte: big
    /// constants (hashes, masks) are common in compiled code.
    /// </summary>
    public static long S64(byte[] c, ref int pc)
    {
        if (BitConverter.IsLittleEndian && pc + 10 <= c.Length)
        {
            ulong x = Unsafe.ReadUnaligned<ulong>(ref c[pc]);
            ulong stops = ~x & Continuations;
            if (stops != 0)
            {
                int length = (BitOperations.TrailingZeroCount(stops) >> 3) + 1;
                pc += length;
                int unused = 64 - 7 * length;
                return (long)(Compact(x & (ulong.MaxValue >> (64 - 8 * length))) << unused) >> unused;
            }
            ulong value = Compact(x);
            uint b8 = c[pc + 8];
            value |= (ulong)(b8 & 0x7F) << 56;
            if (b8 < 0x80)
            {
                pc += 9;
                return (long)(value << 1) >> 1;
            }
            value |= (ulong)c[pc + 9] << 63; // the tenth byte holds only bit 63 (the validator has checked the rest)
            pc += 10;
            return (long)value;
        }
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

    private const ulong Continuations = 0x8080_8080_8080_8080UL;

    /// <summary>Eight bytes' low seven bits, gathered into the low 56 bits (byte 0's lowest).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Compact(ulong x)
    {
        x &= 0x7F7F_7F7F_7F7F_7F7FUL;
        x = ((x & 0x7F00_7F00_7F00_7F00UL) >> 1) | (x & 0x007F_007F_007F_007FUL);
        x = ((x & 0x3FFF_0000_3FFF_0000UL) >> 2) | (x & 0x0000_3FFF_0000_3FFFUL);
        return ((x & 0x0FFF_FFFF_0000_0000UL) >> 4) | (x & 0x0000_0000_0FFF_FFFFUL);
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
