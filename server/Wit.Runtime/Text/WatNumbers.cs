using System;
using System.Globalization;
using System.Numerics;

namespace Wit.Runtime.Text;

/// <summary>The outcome of reading a numeric literal.</summary>
internal enum NumberStatus : byte
{
    Ok,
    /// <summary>The token is not a literal of the wanted kind.</summary>
    NotANumber,
    /// <summary>The literal is well formed but its value does not fit ("constant out of range").</summary>
    OutOfRange,
}

/// <summary>
/// The text format's numeric literals: integers (decimal or <c>0x</c> hex, an optional sign, <c>_</c> between digits)
/// and floats (decimal and hex, with exponents, <c>inf</c>, <c>nan</c> and <c>nan:0x..</c>), rounded to nearest-even.
/// </summary>
internal static class WatNumbers
{
    /// <summary>An unsigned literal without sign; <paramref name="value"/> saturates, with OutOfRange past 64 bits.</summary>
    public static NumberStatus ParseUnsigned(ReadOnlySpan<char> s, out ulong value)
    {
        value = 0;
        bool hex = s.StartsWith("0x");
        var digits = hex ? s[2..] : s;
        if (digits.Length == 0 || digits[0] == '_' || digits[^1] == '_')
        {
            return NumberStatus.NotANumber;
        }
        bool overflow = false;
        for (int i = 0; i < digits.Length; i++)
        {
            char c = digits[i];
            if (c == '_')
            {
                if (digits[i - 1] == '_')
                {
                    return NumberStatus.NotANumber;
                }
                continue;
            }
            int d = hex ? SExprReader.HexValue((byte)c) : (c >= '0' && c <= '9' ? c - '0' : -1);
            if (d < 0 || c > 0x7F)
            {
                return NumberStatus.NotANumber;
            }
            ulong radix = hex ? 16UL : 10UL;
            if (value > (ulong.MaxValue - (ulong)d) / radix)
            {
                overflow = true;
                value = ulong.MaxValue;
            }
            else if (!overflow)
            {
                value = value * radix + (ulong)d;
            }
        }
        return overflow ? NumberStatus.OutOfRange : NumberStatus.Ok;
    }

    /// <summary>An integer literal for <c>i32.const</c> (bits 32) or <c>i64.const</c> (bits 64): the value's bits.</summary>
    public static NumberStatus ParseInt(string s, int bits, out ulong value)
    {
        bool negative = s.StartsWith('-');
        var body = s.AsSpan(s.StartsWith('-') || s.StartsWith('+') ? 1 : 0);
        var status = ParseUnsigned(body, out ulong magnitude);
        value = 0;
        if (status != NumberStatus.Ok)
        {
            return status;
        }
        ulong max = bits == 32 ? uint.MaxValue : ulong.MaxValue;
        ulong minMagnitude = bits == 32 ? 0x8000_0000UL : 0x8000_0000_0000_0000UL;
        if (negative ? magnitude > minMagnitude : magnitude > max)
        {
            return NumberStatus.OutOfRange;
        }
        value = negative ? unchecked(0 - magnitude) : magnitude;
        if (bits == 32)
        {
            value &= uint.MaxValue;
        }
        return NumberStatus.Ok;
    }

    /// <summary>A float literal for <c>f32.const</c> (<paramref name="single"/>) or <c>f64.const</c>: the value's bits.</summary>
    public static NumberStatus ParseFloat(string s, bool single, out ulong bits)
    {
        bits = 0;
        bool negative = s.StartsWith('-');
        string body = s.StartsWith('-') || s.StartsWith('+') ? s[1..] : s;
        int mantBits = single ? 23 : 52, expBits = single ? 8 : 11;
        ulong sign = negative ? 1UL << (mantBits + expBits) : 0;
        ulong expMask = ((1UL << expBits) - 1) << mantBits;
        if (body == "inf")
        {
            bits = sign | expMask;
            return NumberStatus.Ok;
        }
        if (body == "nan")
        {
            bits = sign | expMask | (1UL << (mantBits - 1));
            return NumberStatus.Ok;
        }
        if (body.StartsWith("nan:0x", StringComparison.Ordinal))
        {
            var status = ParseUnsigned(body.AsSpan(4), out ulong payload);
            if (status != NumberStatus.Ok)
            {
                return status;
            }
            if (payload == 0 || payload >= 1UL << mantBits)
            {
                return NumberStatus.OutOfRange;
            }
            bits = sign | expMask | payload;
            return NumberStatus.Ok;
        }
        var result = body.StartsWith("0x", StringComparison.Ordinal) ? HexFloat(body.AsSpan(2), mantBits, expBits, out bits)
            : DecimalFloat(body, single, out bits);
        bits |= sign;
        return result;
    }

    private static NumberStatus DecimalFloat(string body, bool single, out ulong bits)
    {
        bits = 0;
        // Syntax: num ('.' num?)? ([eE] [+-]? num)?, where num is digits with single underscores between them.
        int i = 0;
        if (!Digits(body, ref i, hex: false))
        {
            return NumberStatus.NotANumber;
        }
        if (i < body.Length && body[i] == '.')
        {
            i++;
            if (i < body.Length && char.IsAsciiDigit(body[i]) && !Digits(body, ref i, hex: false))
            {
                return NumberStatus.NotANumber;
            }
        }
        if (i < body.Length && (body[i] == 'e' || body[i] == 'E'))
        {
            i++;
            if (i < body.Length && (body[i] == '+' || body[i] == '-'))
            {
                i++;
            }
            if (!Digits(body, ref i, hex: false))
            {
                return NumberStatus.NotANumber;
            }
        }
        if (i != body.Length)
        {
            return NumberStatus.NotANumber;
        }
        string clean = body.Replace("_", "", StringComparison.Ordinal);
        if (single)
        {
            float f = float.Parse(clean, NumberStyles.Float, CultureInfo.InvariantCulture);
            if (float.IsInfinity(f))
            {
                return NumberStatus.OutOfRange;
            }
            bits = BitConverter.SingleToUInt32Bits(f);
        }
        else
        {
            double d = double.Parse(clean, NumberStyles.Float, CultureInfo.InvariantCulture);
            if (double.IsInfinity(d))
            {
                return NumberStatus.OutOfRange;
            }
            bits = BitConverter.DoubleToUInt64Bits(d);
        }
        return NumberStatus.Ok;
    }

    private static NumberStatus HexFloat(ReadOnlySpan<char> body, int mantBits, int expBits, out ulong bits)
    {
        bits = 0;
        BigInteger mantissa = BigInteger.Zero;
        long exponent = 0;
        int i = 0;
        if (!HexDigits(body, ref i, ref mantissa, out _))
        {
            return NumberStatus.NotANumber;
        }
        if (i < body.Length && body[i] == '.')
        {
            i++;
            if (i < body.Length && SExprReader.HexValue((byte)body[i]) >= 0)
            {
                if (!HexDigits(body, ref i, ref mantissa, out int fraction))
                {
                    return NumberStatus.NotANumber;
                }
                exponent -= 4L * fraction;
            }
        }
        if (i < body.Length && (body[i] == 'p' || body[i] == 'P'))
        {
            i++;
            bool negative = false;
            if (i < body.Length && (body[i] == '+' || body[i] == '-'))
            {
                negative = body[i] == '-';
                i++;
            }
            int start = i;
            if (!Digits(body, ref i, hex: false))
            {
                return NumberStatus.NotANumber;
            }
            long e = 0;
            foreach (char c in body[start..i])
            {
                if (c != '_')
                {
                    e = Math.Min(e * 10 + (c - '0'), 1_000_000_000L);
                }
            }
            exponent += negative ? -e : e;
        }
        if (i != body.Length)
        {
            return NumberStatus.NotANumber;
        }
        return Round(mantissa, exponent, mantBits, expBits, out bits);
    }

    /// <summary>Rounds <paramref name="m"/> × 2^<paramref name="e"/> to the nearest float (ties to even).</summary>
    private static NumberStatus Round(BigInteger m, long e, int mantBits, int expBits, out ulong bits)
    {
        bits = 0;
        if (m.IsZero)
        {
            return NumberStatus.Ok;
        }
        long length = (long)m.GetBitLength();
        long bias = (1L << (expBits - 1)) - 1, emin = 1 - bias;
        long top = length - 1 + e; // the exponent of the leading bit
        if (top > bias + 1)
        {
            return NumberStatus.OutOfRange;
        }
        long shift = top >= emin ? length - (mantBits + 1) : (emin - mantBits) - e;
        if (shift > length + 1)
        {
            return NumberStatus.Ok; // below half the smallest subnormal: zero
        }
        BigInteger q;
        if (shift > 0)
        {
            q = m >> (int)shift;
            BigInteger rest = m - (q << (int)shift), half = BigInteger.One << (int)(shift - 1);
            if (rest > half || (rest == half && !q.IsEven))
            {
                q += 1;
            }
        }
        else
        {
            q = m << (int)-shift;
        }
        if (top < emin)
        {
            bits = (ulong)q; // a subnormal, or the smallest normal when rounding carried into the exponent
            return NumberStatus.Ok;
        }
        if (q.GetBitLength() > mantBits + 1)
        {
            q >>= 1;
            top++;
        }
        if (top > bias)
        {
            return NumberStatus.OutOfRange;
        }
        bits = ((ulong)(top + bias) << mantBits) | ((ulong)q & ((1UL << mantBits) - 1));
        return NumberStatus.Ok;
    }

    private static bool Digits(ReadOnlySpan<char> s, ref int i, bool hex)
    {
        int start = i;
        while (i < s.Length)
        {
            char c = s[i];
            bool digit = hex ? SExprReader.HexValue((byte)c) >= 0 && c < 0x80 : char.IsAsciiDigit(c);
            if (digit)
            {
                i++;
            }
            else if (c == '_' && i > start && i + 1 < s.Length && (hex ? SExprReader.HexValue((byte)s[i + 1]) >= 0 : char.IsAsciiDigit(s[i + 1])))
            {
                i++;
            }
            else
            {
                break;
            }
        }
        return i > start;
    }

    private static bool HexDigits(ReadOnlySpan<char> s, ref int i, ref BigInteger value, out int count)
    {
        int start = i;
        count = 0;
        if (!Digits(s, ref i, hex: true))
        {
            return false;
        }
        foreach (char c in s[start..i])
        {
            if (c != '_')
            {
                value = value * 16 + SExprReader.HexValue((byte)c);
                count++;
            }
        }
        return true;
    }
}
