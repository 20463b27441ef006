using System;
using System.Collections.Generic;

namespace Wit.Runtime.Tests.Differential;

/// <summary>
/// Generates valid core modules from a seed: a few functions of type <c>(i32, i64) -> i32</c> over i32, i64 and f64
/// locals, a memory and a mutable global, with arithmetic (trapping division included), conversions, loads and stores
/// (most addresses masked into the memory, some not), blocks, ifs, bounded loops, branches and calls to earlier
/// functions. Valid by construction: each expression is generated for the type its context needs. f64 values are only
/// consumed by NaN-insensitive instructions (comparisons, saturating truncations), so engines agree bit for bit.
/// </summary>
internal sealed class ModuleGenerator
{
    private const byte I32 = 0x7F, I64 = 0x7E, F64 = 0x7C;
    private readonly Random _random;
    private List<byte> _code = new();
    private int _function;
    private int _loopDepth;

    public ModuleGenerator(int seed) => _random = new Random(seed);

    public int FunctionCount { get; private set; }

    // Locals: 0 i32 (param), 1 i64 (param), 2-3 i32, 4-5 i64, 6 f64, 7-8 i32 loop counters.
    private static readonly int[] I32Locals = { 0, 2, 3 };
    private static readonly int[] I64Locals = { 1, 4, 5 };
    private const int F64Local = 6, CounterBase = 7, MaxLoops = 2;

    public byte[] Generate()
    {
        FunctionCount = 1 + _random.Next(4);
        var bodies = new List<byte[]>();
        for (_function = 0; _function < FunctionCount; _function++)
        {
            _code = new List<byte> { 0x04, 0x02, I32, 0x02, I64, 0x01, F64, 0x02, I32 };
            int statements = 1 + _random.Next(5);
            for (int i = 0; i < statements; i++)
            {
                Statement(3);
            }
            Expression(I32, 4);
            _code.Add(0x0B);
            bodies.Add(_code.ToArray());
        }

        var module = new List<byte> { 0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00 };
        Section(module, 1, new byte[] { 0x01, 0x60, 0x02, I32, I64, 0x01, I32 });
        var functions = new List<byte>();
        Leb(functions, (uint)FunctionCount);
        for (int i = 0; i < FunctionCount; i++)
        {
            functions.Add(0x00);
        }
        Section(module, 3, functions.ToArray());
        Section(module, 5, new byte[] { 0x01, 0x01, 0x01, 0x01 }); // one memory, 1 page, max 1
        Section(module, 6, new byte[] { 0x01, I32, 0x01, 0x41, 0x07, 0x0B }); // (global (mut i32) (i32.const 7))
        var exports = new List<byte>();
        Leb(exports, (uint)FunctionCount + 2);
        for (int i = 0; i < FunctionCount; i++)
        {
            Name(exports, "f" + i);
            exports.Add(0x00);
            Leb(exports, (uint)i);
        }
        Name(exports, "mem");
        exports.Add(0x02);
        exports.Add(0x00);
        Name(exports, "g");
        exports.Add(0x03);
        exports.Add(0x00);
        Section(module, 7, exports.ToArray());
        var code = new List<byte>();
        Leb(code, (uint)bodies.Count);
        foreach (var body in bodies)
        {
            Leb(code, (uint)body.Length);
            code.AddRange(body);
        }
        Section(module, 10, code.ToArray());
        return module.ToArray();
    }

    private void Statement(int depth)
    {
        switch (_random.Next(depth <= 0 ? 4 : 8))
        {
            case 0:
                {
                    var (type, local) = _random.Next(3) switch
                    {
                        0 => (I32, I32Locals[_random.Next(3)]),
                        1 => (I64, I64Locals[_random.Next(3)]),
                        _ => (F64, F64Local),
                    };
                    Expression(type, 3);
                    Op(0x21);
                    Leb(_code, (uint)local);
                    break;
                }
            case 1:
                {
                    Address();
                    bool wide = _random.Next(2) == 0;
                    Expression(wide ? I64 : I32, 3);
                    byte op = wide ? new byte[] { 0x37, 0x3C, 0x3D, 0x3E }[_random.Next(4)] : new byte[] { 0x36, 0x3A, 0x3B }[_random.Next(3)];
                    MemArg(op);
                    break;
                }
            case 2:
                Expression(I32, 3);
                Op(0x24);
                Op(0x00);
                break;
            case 3:
                if (_random.Next(40) == 0)
                {
                    Expression(I32, 2);
                    Op(0x04, 0x40, 0x00, 0x0B); // if (unreachable) end
                }
                else
                {
                    Op(0x01);
                }
                break;
            case 4:
            case 5:
                if (_loopDepth < MaxLoops)
                {
                    int counter = CounterBase + _loopDepth;
                    Op(0x41);
                    Leb(_code, (uint)(1 + _random.Next(4)));
                    Op(0x21);
                    Leb(_code, (uint)counter);
                    Op(0x03, 0x40);
                    _loopDepth++;
                    int n = 1 + _random.Next(3);
                    for (int i = 0; i < n; i++)
                    {
                        Statement(depth - 1);
                    }
                    _loopDepth--;
                    Op(0x20);
                    Leb(_code, (uint)counter);
                    Op(0x41, 0x01, 0x6B, 0x22);
                    Leb(_code, (uint)counter);
                    Op(0x0D, 0x00, 0x0B); // br_if 0, end
                }
                else
                {
                    Statement(0);
                }
                break;
            case 6:
                Expression(I32, 2);
                Op(0x04, 0x40);
                Statement(depth - 1);
                Op(0x05);
                Statement(depth - 1);
                Op(0x0B);
                break;
            default:
                Op(0x02, 0x40);
                Statement(depth - 1);
                Expression(I32, 2);
                Op(0x0D, 0x00);
                Statement(depth - 1);
                Op(0x0B);
                break;
        }
    }

    private void Expression(byte type, int depth)
    {
        if (type == I32)
        {
            I32Expression(depth);
        }
        else if (type == I64)
        {
            I64Expression(depth);
        }
        else
        {
            F64Expression(depth);
        }
    }

    private void I32Expression(int depth)
    {
        switch (_random.Next(depth <= 0 ? 3 : 16))
        {
            case 0:
                Op(0x41);
                SLeb(_code, Interesting32());
                break;
            case 1:
                Op(0x20);
                Leb(_code, (uint)I32Locals[_random.Next(3)]);
                break;
            case 2:
                Op(0x23, 0x00);
                break;
            case 3:
            case 4:
                I32Expression(depth - 1);
                I32Expression(depth - 1);
                Op((byte)(0x6A + _random.Next(15))); // add .. rotr
                break;
            case 5:
                I32Expression(depth - 1);
                I32Expression(depth - 1);
                Op((byte)(0x46 + _random.Next(10))); // eq .. ge_u
                break;
            case 6:
                I32Expression(depth - 1);
                Op(new byte[] { 0x45, 0x67, 0x68, 0x69, 0xC0, 0xC1 }[_random.Next(6)]);
                break;
            case 7:
                I64Expression(depth - 1);
                I64Expression(depth - 1);
                Op((byte)(0x51 + _random.Next(10)));
                break;
            case 8:
                I64Expression(depth - 1);
                Op(_random.Next(2) == 0 ? (byte)0xA7 : (byte)0x50);
                break;
            case 9:
                Address();
                MemArg(new byte[] { 0x28, 0x2C, 0x2D, 0x2E, 0x2F }[_random.Next(5)]);
                break;
            case 10:
                I32Expression(depth - 1);
                I32Expression(depth - 1);
                I32Expression(depth - 1);
                Op(0x1B);
                break;
            case 11:
                I32Expression(depth - 1);
                Op(0x04, I32);
                I32Expression(depth - 1);
                Op(0x05);
                I32Expression(depth - 1);
                Op(0x0B);
                break;
            case 12:
                Op(0x02, I32);
                I32Expression(depth - 1);
                I32Expression(depth - 1);
                Op(0x0D, 0x00, 0x1A);
                I32Expression(depth - 1);
                Op(0x0B);
                break;
            case 13:
                if (_function > 0)
                {
                    I32Expression(depth - 1);
                    I64Expression(depth - 1);
                    Op(0x10);
                    Leb(_code, (uint)_random.Next(_function));
                }
                else
                {
                    I32Expression(0);
                }
                break;
            case 14:
                F64Expression(depth - 1);
                F64Expression(depth - 1);
                Op((byte)(0x61 + _random.Next(6)));
                break;
            default:
                F64Expression(depth - 1);
                Op(0xFC, (byte)(2 + _random.Next(2))); // i32.trunc_sat_f64_s/u
                break;
        }
    }

    private void I64Expression(int depth)
    {
        switch (_random.Next(depth <= 0 ? 2 : 9))
        {
            case 0:
                Op(0x42);
                SLeb(_code, Interesting64());
                break;
            case 1:
                Op(0x20);
                Leb(_code, (uint)I64Locals[_random.Next(3)]);
                break;
            case 2:
            case 3:
                I64Expression(depth - 1);
                I64Expression(depth - 1);
                Op((byte)(0x7C + _random.Next(15)));
                break;
            case 4:
                I64Expression(depth - 1);
                Op(new byte[] { 0x79, 0x7A, 0x7B, 0xC2, 0xC3, 0xC4 }[_random.Next(6)]);
                break;
            case 5:
                I32Expression(depth - 1);
                Op(_random.Next(2) == 0 ? (byte)0xAC : (byte)0xAD);
                break;
            case 6:
                Address();
                MemArg(new byte[] { 0x29, 0x30, 0x31, 0x32, 0x33, 0x34, 0x35 }[_random.Next(7)]);
                break;
            case 7:
                F64Expression(depth - 1);
                Op(0xFC, (byte)(6 + _random.Next(2))); // i64.trunc_sat_f64_s/u
                break;
            default:
                F64Expression(depth - 1);
                if (_random.Next(2) == 0)
                {
                    Op((byte)(0xB0 + _random.Next(2))); // i64.trunc_f64_s/u: may trap
                }
                else
                {
                    Op(0xFC, 0x06);
                }
                break;
        }
    }

    private void F64Expression(int depth)
    {
        switch (_random.Next(depth <= 0 ? 2 : 6))
        {
            case 0:
                {
                    Op(0x44);
                    double[] specials = { 0.0, -0.0, 1.5, -2.5, 1e300, -1e-300, double.PositiveInfinity, double.NegativeInfinity, double.NaN, 4294967296.0, -9.3e18 };
                    double v = _random.Next(3) == 0 ? specials[_random.Next(specials.Length)] : (_random.NextDouble() - 0.5) * Math.Pow(10, _random.Next(-5, 20));
                    _code.AddRange(BitConverter.GetBytes(v));
                    break;
                }
            case 1:
                Op(0x20);
                Leb(_code, F64Local);
                break;
            case 2:
                F64Expression(depth - 1);
                F64Expression(depth - 1);
                Op((byte)(0xA0 + _random.Next(7)));
                break;
            case 3:
                F64Expression(depth - 1);
                Op((byte)(0x99 + _random.Next(7)));
                break;
            case 4:
                I32Expression(depth - 1);
                Op(_random.Next(2) == 0 ? (byte)0xB7 : (byte)0xB8);
                break;
            default:
                I64Expression(depth - 1);
                Op(_random.Next(2) == 0 ? (byte)0xB9 : (byte)0xBA);
                break;
        }
    }

    /// <summary>An address: usually masked into the first 4 KiB, sometimes anything (out of bounds traps).</summary>
    private void Address()
    {
        I32Expression(2);
        if (_random.Next(10) != 0)
        {
            Op(0x41);
            SLeb(_code, 0xFFF);
            Op(0x71);
        }
    }

    private void MemArg(byte op)
    {
        Op(op, 0x00);
        Leb(_code, (uint)_random.Next(_random.Next(20) == 0 ? 70000 : 16));
    }

    private int Interesting32() => _random.Next(6) switch
    {
        0 => 0,
        1 => -1,
        2 => int.MinValue,
        3 => int.MaxValue,
        4 => _random.Next(-10, 10),
        _ => _random.Next(int.MinValue, int.MaxValue),
    };

    private long Interesting64() => _random.Next(5) switch
    {
        0 => 0,
        1 => -1,
        2 => long.MinValue,
        3 => _random.Next(-10, 10),
        _ => _random.NextInt64(long.MinValue, long.MaxValue),
    };

    private void Op(params byte[] bytes) => _code.AddRange(bytes);

    private void Op(int b) => _code.Add((byte)b);

    private static void Section(List<byte> module, byte id, byte[] content)
    {
        module.Add(id);
        Leb(module, (uint)content.Length);
        module.AddRange(content);
    }

    private static void Name(List<byte> into, string name)
    {
        Leb(into, (uint)name.Length);
        foreach (char c in name)
        {
            into.Add((byte)c);
        }
    }

    public static void Leb(List<byte> into, uint value)
    {
        do
        {
            byte b = (byte)(value & 0x7F);
            value >>= 7;
            into.Add(value != 0 ? (byte)(b | 0x80) : b);
        }
        while (value != 0);
    }

    public static void SLeb(List<byte> into, long value)
    {
        while (true)
        {
            byte b = (byte)(value & 0x7F);
            value >>= 7;
            bool done = (value == 0 && (b & 0x40) == 0) || (value == -1 && (b & 0x40) != 0);
            into.Add(done ? b : (byte)(b | 0x80));
            if (done)
            {
                return;
            }
        }
    }
}
