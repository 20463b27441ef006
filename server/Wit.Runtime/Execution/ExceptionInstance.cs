using System;

namespace Wit.Runtime.Execution;

/// <summary>
/// A thrown exception (exception handling): its tag and its payload, the values <c>throw</c> took. An <c>exnref</c>
/// refers to one through the store (<see cref="Store.ExceptionOf"/>); an exception that leaves every wasm frame is a
/// trap whose <see cref="WasmTrapException.UncaughtException"/> it is.
/// </summary>
public sealed class ExceptionInstance
{
    internal ExceptionInstance(TagInstance tag, ulong[] payload)
    {
        Tag = tag;
        Bits = payload;
    }

    public TagInstance Tag { get; }

    /// <summary>The payload's bits, one slot per parameter of the tag's type.</summary>
    internal ulong[] Bits { get; }

    /// <summary>The exnref value of this exception in its store, once one was made (0 before).</summary>
    internal ulong Reference { get; set; }

    /// <summary>The payload, typed by the tag's parameters.</summary>
    public WasmValue[] Payload
    {
        get
        {
            var ps = Tag.Type.Params;
            var values = new WasmValue[ps.Length];
            for (int i = 0; i < values.Length; i++)
            {
                values[i] = new WasmValue(ps[i], Bits[i]);
            }
            return values;
        }
    }

    public override string ToString() => $"exception ({string.Join(", ", Array.ConvertAll(Payload, v => v.ToString()))})";
}
