using System;
using System.Buffers.Binary;
using System.Text;

namespace Wit.DebugAdapter.Wasm;

/// <summary>A bytes the adapter reads itself (instructions, DWARF) that do not hold what their format says.</summary>
internal sealed class MalformedException : Exception
{
    public MalformedException(string message) : base(message)
    {
    }
}

/// <summary>
/// A bounds-checked little-endian reader over a byte range, for the wasm instruction encoding and DWARF: LEB128,
/// fixed-size integers, C strings. Every read past <see cref="End"/> throws <see cref="MalformedException"/>.
/// </summary>
internal struct ByteReader
{
    private readonly byte[] _bytes;

    public ByteReader(byte[] bytes, int start, int end)
    {
        if (start < 0 || end > bytes.Length || start > end)
        {
            throw new MalformedException($"range {start}..{end} outside 0..{bytes.Length}");
        }
        _bytes = bytes;
        Position = start;
        End = end;
    }

    public int Position;

    public int End { get; }

    public readonly bool AtEnd => Position >= End;

    private readonly void Need(int n)
    {
        if (n < 0 || Position > End - n)
        {
            throw new MalformedException($"read past the end at offset 0x{Position:x}");
        }
    }

    public byte U8()
    {
        Need(1);
        return _bytes[Position++];
    }

    public ushort U16()
    {
        Need(2);
        var v = BinaryPrimitives.ReadUInt16LittleEndian(_bytes.AsSpan(Position));
        Position += 2;
        return v;
    }

    public uint U32()
    {
        Need(4);
        var v = BinaryPrimitives.ReadUInt32LittleEndian(_bytes.AsSpan(Position));
        Position += 4;
        return v;
    }

    public ulong U64()
    {
        Need(8);
        var v = BinaryPrimitives.ReadUInt64LittleEndian(_bytes.AsSpan(Position));
        Position += 8;
        return v;
    }

    /// <summary>An unsigned LEB128 of at most 64 bits (longer encodings are malformed).</summary>
    public ulong Uleb()
    {
        ulong result = 0;
        for (int shift = 0; shift < 70; shift += 7)
        {
            byte b = U8();
            if (shift < 64)
            {
                result |= (ulong)(b & 0x7F) << shift;
            }
            if ((b & 0x80) == 0)
            {
                return result;
            }
        }
        throw new MalformedException($"LEB128 too long at offset 0x{Position:x}");
    }

    /// <summary>A signed LEB128 of at most 64 bits.</summary>
    public long Sleb()
    {
        long result = 0;
        int shift = 0;
        byte b;
        do
        {
            if (shift >= 70)
            {
                throw new MalformedException($"LEB128 too long at offset 0x{Position:x}");
            }
            b = U8();
            if (shift < 64)
            {
                result |= (long)(b & 0x7F) << shift;
            }
            shift += 7;
        }
        while ((b & 0x80) != 0);
        if (shift < 64 && (b & 0x40) != 0)
        {
            result |= -1L << shift;
        }
        return result;
    }

    public void Skip(long n)
    {
        if (n < 0 || n > End - Position)
        {
            throw new MalformedException($"skip past the end at offset 0x{Position:x}");
        }
        Position += (int)n;
    }

    /// <summary>
    /// A DWARF unit: its initial length (32-bit, or 0xFFFFFFFF and 64-bit), then a reader over the unit's contents;
    /// this reader moves past the unit.
    /// </summary>
    public ByteReader Unit(out bool dwarf64)
    {
        ulong length = U32();
        dwarf64 = length == 0xFFFFFFFF;
        if (dwarf64)
        {
            length = U64();
        }
        if (length > (ulong)(End - Position))
        {
            throw new MalformedException($"unit length {length} past the section's end");
        }
        var unit = new ByteReader(_bytes, Position, Position + (int)length);
        Position += (int)length;
        return unit;
    }

    /// <summary>A NUL-terminated UTF-8 string.</summary>
    public string CString()
    {
        int start = Position;
        int nul = Array.IndexOf(_bytes, (byte)0, start, End - start);
        if (nul < 0)
        {
            throw new MalformedException($"unterminated string at offset 0x{start:x}");
        }
        Position = nul + 1;
        return Encoding.UTF8.GetString(_bytes, start, nul - start);
    }

    /// <summary>A wasm name: a LEB128 length and UTF-8 bytes.</summary>
    public string Name()
    {
        ulong n = Uleb();
        if (n > (ulong)(End - Position))
        {
            throw new MalformedException($"name past the end at offset 0x{Position:x}");
        }
        var s = Encoding.UTF8.GetString(_bytes, Position, (int)n);
        Position += (int)n;
        return s;
    }
}
