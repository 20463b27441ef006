using System;
using System.Collections.Generic;
using Wit.Runtime.Execution;
using Xunit;

namespace Wit.Runtime.Tests;

/// <summary>
/// The interpreter's LEB128 reads (eight bytes at a time where the code has them, a byte at a time near its end) against
/// a plain byte-by-byte decoder, for every length, padded encodings included, at every distance from the array's end.
/// </summary>
public sealed class LebTests
{
    [Fact]
    public void Signed_and_unsigned_reads_agree_with_a_byte_by_byte_decoder_at_every_length_and_position()
    {
        var random = new Random(5);
        int checkedCount = 0;
        for (int n = 0; n < 4000; n++)
        {
            long value = n switch
            {
                < 64 => n - 32,
                < 128 => long.MinValue + n,
                < 192 => long.MaxValue - n,
                _ => random.NextInt64(long.MinValue, long.MaxValue) >> random.Next(64),
            };
            var encoded = EncodeSigned(value, padTo: random.Next(4) == 0 ? random.Next(1, 11) : 0);
            for (int before = 0; before < 2; before++)
            {
                for (int after = 0; after <= 10; after++)
                {
                    var code = new byte[before + encoded.Count + after];
                    encoded.CopyTo(code, before);
                    int pc = before;
                    Assert.Equal(value, Leb.S64(code, ref pc));
                    Assert.Equal(before + encoded.Count, pc);
                    if (value is >= int.MinValue and <= int.MaxValue && encoded.Count <= 5)
                    {
                        pc = before;
                        Assert.Equal((int)value, Leb.S32(code, ref pc));
                        Assert.Equal(before + encoded.Count, pc);
                    }
                    uint unsigned = (uint)value;
                    var u = EncodeUnsigned(unsigned, padTo: encoded.Count <= 5 ? encoded.Count : 0);
                    var ucode = new byte[before + u.Count + after];
                    u.CopyTo(ucode, before);
                    pc = before;
                    Assert.Equal(unsigned, Leb.U32(ucode, ref pc));
                    Assert.Equal(before + u.Count, pc);
                    checkedCount++;
                }
            }
        }
        Assert.Equal(4000 * 2 * 11, checkedCount);
    }

    private static List<byte> EncodeSigned(long v, int padTo)
    {
        var bytes = new List<byte>();
        while (true)
        {
            byte b = (byte)(v & 0x7F);
            v >>= 7;
            bool done = (v == 0 && (b & 0x40) == 0) || (v == -1 && (b & 0x40) != 0);
            bytes.Add(b);
            if (done)
            {
                break;
            }
        }
        // Padding with sign bytes (0x00 or 0x7F) keeps the value, up to the ten bytes an i64 may take.
        byte fill = (bytes[^1] & 0x40) != 0 ? (byte)0x7F : (byte)0x00;
        while (bytes.Count < padTo && bytes.Count < 10)
        {
            bytes.Add(fill);
        }
        for (int i = 0; i < bytes.Count - 1; i++)
        {
            bytes[i] |= 0x80;
        }
        return bytes;
    }

    private static List<byte> EncodeUnsigned(uint v, int padTo)
    {
        var bytes = new List<byte>();
        do
        {
            bytes.Add((byte)(v & 0x7F));
            v >>= 7;
        }
        while (v != 0);
        while (bytes.Count < padTo)
        {
            bytes.Add(0);
        }
        for (int i = 0; i < bytes.Count - 1; i++)
        {
            bytes[i] |= 0x80;
        }
        return bytes;
    }
}
