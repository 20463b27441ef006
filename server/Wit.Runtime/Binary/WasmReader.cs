using System;
using System.Buffers.Binary;
using System.Text;

namespace Wit.Runtime.Binary;

/// <summary>
/// A cursor over module bytes that reads the binary format's primitives (LEB128 integers, floats, names) and reports
/// every problem as a malformed <see cref="WasmException"/> at the offset where it is found.
/// </summary>
internal struct WasmReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(false, true);
    private readonly byte[] _bytes;
    private readonly int _end;

    public WasmReader(byte[] bytes, int start, int end)
    {
        _bytes = bytes;
        Position = start;
        _end = end;
    }

    public int Position;

    public readonly int End => _end;
    public readonly byte[] Bytes => _bytes;
    public readonly bool AtEnd => Position >= _end;
    public readonly int Remaining => _end - Position;

    public static WasmException Malformed(long offset, string message) => new(WasmErrorKind.Malformed, offset, message);

    public byte ReadByte()
    {
        if (Position >= _end)
        {
            throw Malformed(Position, "unexpected end");
        }
        return _bytes[Position++];
    }

    public readonly byte PeekByte()
    {
        if (Position >= _end)
        {
            throw Malformed(Position, "unexpected end");
        }
        return _bytes[Position];
    }

    public uint ReadU32()
    {
        int start = Position;
        uint result = 0;
        for (int shift = 0; ; shift += 7)
        {
            if (Position >= _end)
            {
                throw Malformed(Position, "unexpected end");
            }
            byte b = _bytes[Position++];
            if (shift == 28)
            {
                if ((b & 0x80) != 0)
                {
                    throw Malformed(start, "integer representation too long");
                }
                if ((b & 0x70) != 0)
                {
                    throw Malformed(start, "integer too large");
                }
                return result | ((uint)b << 28);
            }
            result |= (uint)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return result;
            }
        }
    }

    public int ReadS32() => (int)ReadSigned(32);

    /// <summary>A signed 33-bit LEB128 (block types), returned in a long.</summary>
    public long ReadS33() => ReadSigned(33);

    public long ReadS64() => ReadSigned(64);

    /// <summary>
    /// A signed LEB128 of at most <paramref name="bits"/> bits: at most ceil(bits/7) bytes, and the unused bits of the
    /// last byte must all equal the sign bit.
    /// </summary>
    private long ReadSigned(int bits)
    {
        int start = Position;
        int last = (bits + 6) / 7 - 1;
        long result = 0;
        for (int i = 0, shift = 0; ; i++, shift += 7)
        {
            if (Position >= _end)
            {
                throw Malformed(Position, "unexpected end");
            }
            byte b = _bytes[Position++];
            result |= (long)(b & 0x7F) << shift;
            if (i == last)
            {
                if ((b & 0x80) != 0)
                {
                    throw Malformed(start, "integer representation too long");
                }
                int used = bits - 7 * i;
                int mask = (0x7F >> (used - 1)) << (used - 1);
                int high = b & mask;
                if (high != 0 && high != mask)
                {
                    throw Malformed(start, "integer too large");
                }
            }
            if ((b & 0x80) == 0)
            {
                if ((b & 0x40) != 0 && shift + 7 < 64)
                {
                    result |= -1L << (shift + 7);
                }
                return result;
            }
        }
    }

    public uint ReadF32Bits()
    {
        if (Remaining < 4)
        {
            throw Malformed(Position, "unexpected end");
        }
        uint v = BinaryPrimitives.ReadUInt32LittleEndian(_bytes.AsSpan(Position, 4));
        Position += 4;
        return v;
    }

    public ulong ReadF64Bits()
    {
        if (Remaining < 8)
        {
            throw Malformed(Position, "unexpected end");
        }
        ulong v = BinaryPrimitives.ReadUInt64LittleEndian(_bytes.AsSpan(Position, 8));
        Position += 8;
        return v;
    }

    /// <summary>A vector length, checked against the bytes left (each element takes at least <paramref name="minElementSize"/> bytes).</summary>
    public int ReadCount(int minElementSize = 1)
    {
        int at = Position;
        uint n = ReadU32();
        if (minElementSize > 0 && n > (uint)Remaining / (uint)minElementSize)
        {
            throw Malformed(at, n > (uint)Remaining ? "length out of bounds" : "unexpected end");
        }
        return (int)n;
    }

    public string ReadName()
    {
        int at = Position;
        uint n = ReadU32();
        if (n > (uint)Remaining)
        {
            throw Malformed(at, "length out of bounds");
        }
        string s;
        try
        {
            s = StrictUtf8.GetString(_bytes, Position, (int)n);
        }
        catch (ArgumentException)
        {
            throw Malformed(Position, "malformed UTF-8 encoding");
        }
        Position += (int)n;
        return s;
    }

    /// <summary>Reads a section's id and size (checked against the bytes left) and returns where the section ends.</summary>
    public int ReadSectionHeader(out byte id)
    {
        id = ReadByte();
        int sizeAt = Position;
        uint size = ReadU32();
        if (size > (uint)Remaining)
        {
            throw Malformed(sizeAt, "length out of bounds");
        }
        return Position + (int)size;
    }

    public void Skip(int n)
    {
        if (n < 0 || n > Remaining)
        {
            throw Malformed(Position, "unexpected end");
        }
        Position += n;
    }
}
