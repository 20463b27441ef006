using System;
using System.Text;

namespace Wit.Runtime.Canonical;

/// <summary>Strings in the three encodings: <c>load_string_from_range</c> and <c>store_string_into_range</c> with its copies.</summary>
public sealed partial class CanonicalCodec
{
    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly Encoding StrictUtf16 = new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true);

    private ComponentValue LoadString(LiftLowerContext cx, ulong ptr)
    {
        int p = PointerSize;
        return LoadStringFromRange(cx, ReadUInt(cx.Bytes, ptr, p), ReadUInt(cx.Bytes, ptr + (ulong)p, p));
    }

    private ComponentValue LoadStringFromRange(LiftLowerContext cx, ulong ptr, ulong taggedUnits)
    {
        var encoding = cx.Options.StringEncoding;
        ulong tag = ComponentValue.Utf16Tag(PointerSize);
        bool utf16 = encoding == StringEncoding.Utf16 || (encoding == StringEncoding.Latin1Utf16 && (taggedUnits & tag) != 0);
        ulong units = encoding == StringEncoding.Latin1Utf16 && utf16 ? taggedUnits ^ tag : taggedUnits;
        ulong alignment = encoding == StringEncoding.Utf8 ? 1UL : 2UL;

        // Two bytes per UTF-16 unit; a count past the limit traps before the doubling could overflow.
        if (units > MaxStringByteLength || (utf16 && 2 * units > MaxStringByteLength))
        {
            throw CanonicalTrapException.Of(CanonicalTrap.StringTooLong, $"a string of {units} code units is longer than {MaxStringByteLength} bytes");
        }

        ulong byteLength = utf16 ? 2 * units : units;
        CheckAligned(ptr, alignment);
        CheckInBounds(cx, ptr, byteLength);
        var bytes = cx.Bytes.AsSpan((int)ptr, (int)byteLength);
        cx.Options.Copied?.Invoke((long)byteLength);
        string text;
        try
        {
            text = utf16 ? StrictUtf16.GetString(bytes) : encoding == StringEncoding.Utf8 ? StrictUtf8.GetString(bytes) : Encoding.Latin1.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw CanonicalTrapException.Of(CanonicalTrap.InvalidString, $"the {byteLength} bytes at 0x{ptr:x} are not valid {(utf16 ? "UTF-16" : "UTF-8")}");
        }

        return ComponentValue.LiftedString(text, encoding, units, encoding == StringEncoding.Latin1Utf16 && utf16);
    }

    /// <summary><c>store_string_into_range</c>: copies the string into memory the guest allocates, returning the pointer and the (tagged) code units.</summary>
    private (ulong Ptr, ulong Units) StoreStringIntoRange(LiftLowerContext cx, ComponentValue value)
    {
        var (ptr, units) = StoreStringBytes(cx, value);
        if (cx.Options.Copied is { } copied)
        {
            ulong tag = ComponentValue.Utf16Tag(PointerSize);
            bool utf16 = cx.Options.StringEncoding == StringEncoding.Utf16 || (cx.Options.StringEncoding == StringEncoding.Latin1Utf16 && (units & tag) != 0);
            copied((long)(utf16 ? 2 * (units & ~tag) : units));
        }

        return (ptr, units);
    }

    private (ulong Ptr, ulong Units) StoreStringBytes(LiftLowerContext cx, ComponentValue value)
    {
        string text = value.Text!;
        ulong units = value.Bits;
        var source = value.Encoding;
        bool sourceLatin1 = source == StringEncoding.Latin1Utf16 && !value.IsUtf16Form;
        bool sourceUtf16 = source == StringEncoding.Utf16 || (source == StringEncoding.Latin1Utf16 && value.IsUtf16Form);
        switch (cx.Options.StringEncoding)
        {
            case StringEncoding.Utf8:
                if (sourceUtf16) return StoreToUtf8(cx, text, units, units * 3);
                if (sourceLatin1) return StoreToUtf8(cx, text, units, units * 2);
                return StoreCopy(cx, StrictUtf8.GetBytes(text), units, 1, 1);
            case StringEncoding.Utf16:
                if (source == StringEncoding.Utf8) return StoreUtf8ToUtf16(cx, text, units);
                return StoreCopy(cx, StrictUtf16.GetBytes(text), units, 2, 2);
            default:
                if (source != StringEncoding.Latin1Utf16) return StoreToLatin1OrUtf16(cx, text, units);
                if (sourceLatin1) return StoreCopy(cx, Encoding.Latin1.GetBytes(text), units, 1, 2);
                return StoreProbablyUtf16ToLatin1OrUtf16(cx, text, units);
        }
    }

    /// <summary><c>store_string_copy</c>: the same code units in the destination, allocated at once.</summary>
    private static (ulong, ulong) StoreCopy(LiftLowerContext cx, byte[] encoded, ulong units, ulong unitSize, ulong alignment)
    {
        ulong byteLength = unitSize * units;
        ulong ptr = Reserve(cx, 0, 0, alignment, byteLength);
        encoded.CopyTo(cx.Bytes.AsSpan((int)ptr));
        return (ptr, units);
    }

    /// <summary>
    /// <c>store_string_to_utf8</c>: one byte per code unit while the text is ASCII; at the first other code point, realloc
    /// to the worst case, write the rest, and shrink to what was written.
    /// </summary>
    private static (ulong, ulong) StoreToUtf8(LiftLowerContext cx, string text, ulong units, ulong worstCase)
    {
        ulong ptr = Reserve(cx, 0, 0, 1, units);
        int i = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (rune.Value < 0x80)
            {
                cx.Bytes[ptr + (ulong)i] = (byte)rune.Value;
                i++;
                continue;
            }

            ptr = Reserve(cx, ptr, units, 1, worstCase);
            byte[] encoded = StrictUtf8.GetBytes(text);
            encoded.AsSpan(i).CopyTo(cx.Bytes.AsSpan((int)(ptr + (ulong)i)));
            ulong length = (ulong)encoded.Length;
            if (worstCase > length)
            {
                ptr = Reserve(cx, ptr, worstCase, 1, length);
            }

            return (ptr, length);
        }

        return (ptr, units);
    }

    /// <summary><c>store_utf8_to_utf16</c>: two bytes per UTF-8 byte at worst, then shrink.</summary>
    private static (ulong, ulong) StoreUtf8ToUtf16(LiftLowerContext cx, string text, ulong units)
    {
        ulong worstCase = 2 * units;
        ulong ptr = Reserve(cx, 0, 0, 2, worstCase);
        byte[] encoded = StrictUtf16.GetBytes(text);
        encoded.CopyTo(cx.Bytes.AsSpan((int)ptr));
        ulong length = (ulong)encoded.Length;
        if (length < worstCase)
        {
            ptr = Reserve(cx, ptr, worstCase, 2, length);
        }

        return (ptr, length / 2);
    }

    /// <summary>
    /// <c>store_string_to_latin1_or_utf16</c>: Latin-1 while every code point fits a byte; at the first that does not,
    /// realloc to UTF-16's worst case, widen what was written, write the rest as UTF-16 and tag the length.
    /// </summary>
    private (ulong, ulong) StoreToLatin1OrUtf16(LiftLowerContext cx, string text, ulong units)
    {
        ulong ptr = Reserve(cx, 0, 0, 2, units);
        ulong written = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (rune.Value < 0x100)
            {
                cx.Bytes[ptr + written] = (byte)rune.Value;
                written++;
                continue;
            }

            ulong worstCase = 2 * units;
            ptr = Reserve(cx, ptr, units, 2, worstCase);
            var bytes = cx.Bytes;
            for (ulong j = written; j-- > 0;)
            {
                bytes[ptr + 2 * j] = bytes[ptr + j];
                bytes[ptr + 2 * j + 1] = 0;
            }

            byte[] encoded = StrictUtf16.GetBytes(text);
            encoded.AsSpan((int)(2 * written)).CopyTo(bytes.AsSpan((int)(ptr + 2 * written)));
            ulong length = (ulong)encoded.Length;
            if (worstCase > length)
            {
                ptr = Reserve(cx, ptr, worstCase, 2, length);
            }

            return (ptr, (length / 2) | ComponentValue.Utf16Tag(PointerSize));
        }

        if (written < units)
        {
            ptr = Reserve(cx, ptr, units, 2, written);
        }

        return (ptr, written);
    }

    /// <summary>
    /// <c>store_probably_utf16_to_latin1_or_utf16</c>: copy as UTF-16; when every code point fits a byte after all,
    /// narrow in place to Latin-1 and shrink.
    /// </summary>
    private (ulong, ulong) StoreProbablyUtf16ToLatin1OrUtf16(LiftLowerContext cx, string text, ulong units)
    {
        ulong byteLength = 2 * units;
        ulong ptr = Reserve(cx, 0, 0, 2, byteLength);
        byte[] encoded = StrictUtf16.GetBytes(text);
        encoded.CopyTo(cx.Bytes.AsSpan((int)ptr));
        ulong length = (ulong)encoded.Length / 2;
        foreach (char c in text)
        {
            if (c >= 0x100) return (ptr, length | ComponentValue.Utf16Tag(PointerSize));
        }

        var bytes = cx.Bytes;
        for (ulong i = 0; i < length; i++) bytes[ptr + i] = bytes[ptr + 2 * i];
        ptr = Reserve(cx, ptr, byteLength, 1, length);
        return (ptr, length);
    }
}
