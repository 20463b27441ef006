using System.Collections.Generic;

namespace Wit.Runtime.Text;

/// <summary>A growing byte buffer with the binary format's encodings (LEB128, names, sections).</summary>
internal sealed class ByteBuffer
{
    private readonly List<byte> _bytes = new();

    public int Count => _bytes.Count;

    public void Byte(byte b) => _bytes.Add(b);

    public void Bytes(IEnumerable<byte> bytes) => _bytes.AddRange(bytes);

    public void Append(ByteBuffer other) => _bytes.AddRange(other._bytes);

    public void U32(uint v)
    {
        do
        {
            byte b = (byte)(v & 0x7F);
            v >>= 7;
            _bytes.Add(v != 0 ? (byte)(b | 0x80) : b);
        }
        while (v != 0);
    }

    public void S64(long v)
    {
        while (true)
        {
            byte b = (byte)(v & 0x7F);
            v >>= 7;
            bool done = (v == 0 && (b & 0x40) == 0) || (v == -1 && (b & 0x40) != 0);
            _bytes.Add(done ? b : (byte)(b | 0x80));
            if (done)
            {
                return;
            }
        }
    }

    public void FixedLE(ulong v, int size)
    {
        for (int i = 0; i < size; i++)
        {
            _bytes.Add((byte)(v >> (8 * i)));
        }
    }

    /// <summary>A length-prefixed byte string (a name, or a data segment's contents).</summary>
    public void Vec(byte[] bytes)
    {
        U32((uint)bytes.Length);
        _bytes.AddRange(bytes);
    }

    /// <summary>Appends <paramref name="content"/> as section <paramref name="id"/>, unless it is null.</summary>
    public void Section(byte id, ByteBuffer? content)
    {
        if (content == null)
        {
            return;
        }
        _bytes.Add(id);
        U32((uint)content.Count);
        _bytes.AddRange(content._bytes);
    }

    /// <summary>Removes and returns the bytes from <paramref name="start"/> on.</summary>
    public byte[] Cut(int start)
    {
        var tail = _bytes.GetRange(start, _bytes.Count - start).ToArray();
        _bytes.RemoveRange(start, _bytes.Count - start);
        return tail;
    }

    public byte[] ToArray() => _bytes.ToArray();
}
