using System;
using System.Linq;
using System.Text;
using Wit.Core.Abi;
using Wit.Core.Semantics;
using Wit.Runtime.Binary;
using Wit.Runtime.Canonical;
using Wit.Runtime.Execution;
using Xunit;

namespace Wit.Runtime.Tests.Canonical;

/// <summary>Synchronous <c>canon lift</c> and <c>canon lower</c> around a core call: spills, return pointers, borrows and post-return.</summary>
public sealed class CanonicalCallTests
{
    private const string Wit = """
        package test:calls;

        interface c {
          resource res;
          type text = string;
          type borrow-res = borrow<res>;
          type pair = tuple<u32, u64>;
          type many = tuple<u32, u32, u32, u32, u32, u32, u32, u32, u32, u32, u32, u32, u32, u32, u32, u32, u32>;
        }
        """;

    private static readonly Lazy<Interface> Types = new(() => CanonicalJson.ResolveInterface(Wit, "c"));

    private static WitType T(string name) => CanonicalJson.TypeNamed(Types.Value, name);

    private sealed class Guest
    {
        private ulong _next = 1024;

        public Guest()
        {
            Memory = new MemoryInstance(new MemoryType(new Limits(1, 1)));
            Res = new ResourceType("res", new CanonicalInstance());
        }

        public MemoryInstance Memory { get; }
        public CanonicalInstance Instance { get; } = new();
        public ResourceType Res { get; }
        public CanonicalCodec Codec { get; } = new(new CanonicalAbi());
        public WasmValue[]? PostReturned { get; private set; }

        public CanonicalFunction Function(WitType? result, params WitType[] parameters) =>
            new(parameters, result, new CanonicalOptions
            {
                Memory = Memory,
                Realloc = (_, _, align, size) =>
                {
                    ulong ptr = (_next + align - 1) / align * align;
                    _next = ptr + size;
                    return ptr;
                },
                PostReturn = flat => PostReturned = flat,
            }, Instance, _ => Res);
    }

    [Fact]
    public void A_lifted_call_lowers_arguments_lifts_the_result_through_its_pointer_and_runs_post_return()
    {
        var guest = new Guest();
        var function = guest.Function(T("pair"), T("text"));
        var result = CanonicalCalls.CallLifted(guest.Codec, function, flat =>
        {
            Assert.Equal(2, flat.Length);
            Assert.Equal("h\u00e9", Encoding.UTF8.GetString(guest.Memory.Bytes, (int)flat[0].Bits, (int)flat[1].Bits));
            BitConverter.TryWriteBytes(guest.Memory.Bytes.AsSpan(512), 7u);
            BitConverter.TryWriteBytes(guest.Memory.Bytes.AsSpan(520), 1UL << 40);
            return new[] { WasmValue.I32(512) };
        }, new[] { ComponentValue.String("h\u00e9") });

        Assert.Equal(ComponentValue.Record(ComponentValue.U32(7), ComponentValue.U64(1UL << 40)), result);
        Assert.Equal(new[] { WasmValue.I32(512) }, guest.PostReturned);
    }

    [Fact]
    public void A_lifted_call_traps_when_the_callee_keeps_a_borrow()
    {
        var guest = new Guest();
        var function = guest.Function(null, T("borrow-res"));
        var trap = Assert.Throws<CanonicalTrapException>(() => CanonicalCalls.CallLifted(guest.Codec, function, _ => Array.Empty<WasmValue>(), new[] { ComponentValue.Borrow(3) }));
        Assert.Equal(CanonicalTrap.BorrowsOutstanding, trap.Trap);
        Assert.Null(guest.PostReturned);

        var dropping = new Guest();
        CanonicalCalls.CallLifted(dropping.Codec, dropping.Function(null, T("borrow-res")), flat =>
        {
            ResourceBuiltins.Drop(dropping.Instance, dropping.Res, (uint)flat[0].Bits);
            return Array.Empty<WasmValue>();
        }, new[] { ComponentValue.Borrow(3) });
        Assert.Equal(0, dropping.Instance.Handles.Count);
    }

    [Fact]
    public void A_lowered_call_lends_borrows_for_the_call_and_stores_the_result_at_the_return_pointer()
    {
        var guest = new Guest();
        uint handle = ResourceBuiltins.New(guest.Instance, guest.Res, 99);
        var function = guest.Function(T("pair"), T("borrow-res"), T("text"));
        guest.Memory.Bytes[300] = (byte)'o';
        guest.Memory.Bytes[301] = (byte)'k';
        var flat = CanonicalCalls.CallLowered(guest.Codec, function, arguments =>
        {
            Assert.Equal(ComponentValue.Borrow(99), arguments[0]);
            Assert.Equal("ok", arguments[1].Text);
            Assert.Equal(1, guest.Instance.Handles.Get(handle).Lends);
            var drop = Assert.Throws<CanonicalTrapException>(() => ResourceBuiltins.Drop(guest.Instance, guest.Res, handle));
            Assert.Equal(CanonicalTrap.HandleLent, drop.Trap);
            return ComponentValue.Record(ComponentValue.U32(5), ComponentValue.U64(6));
        }, new[] { WasmValue.I32((int)handle), WasmValue.I32(300), WasmValue.I32(2), WasmValue.I32(64) });

        Assert.Empty(flat);
        Assert.Equal(5u, BitConverter.ToUInt32(guest.Memory.Bytes, 64));
        Assert.Equal(6UL, BitConverter.ToUInt64(guest.Memory.Bytes, 72));
    }

    [Fact]
    public void A_lowered_call_reads_spilled_parameters_from_the_pointer_the_guest_passes()
    {
        var guest = new Guest();
        var many = T("many");
        var function = guest.Function(T("text"), Enumerable.Repeat(WitType.Of(PrimitiveType.U32), 17).ToArray());
        for (int i = 0; i < 17; i++) BitConverter.TryWriteBytes(guest.Memory.Bytes.AsSpan(128 + 4 * i), (uint)(i * 10));
        var flat = CanonicalCalls.CallLowered(guest.Codec, function, arguments =>
        {
            Assert.Equal(Enumerable.Range(0, 17).Select(i => ComponentValue.U32((uint)(i * 10))), arguments);
            return ComponentValue.String("done");
        }, new[] { WasmValue.I32(128), WasmValue.I32(32) });

        Assert.Empty(flat);
        uint ptr = BitConverter.ToUInt32(guest.Memory.Bytes, 32);
        Assert.Equal("done", Encoding.UTF8.GetString(guest.Memory.Bytes, (int)ptr, (int)BitConverter.ToUInt32(guest.Memory.Bytes, 36)));
        Assert.Equal(17 * 4, guest.Codec.Abi.Layout(many)!.Size);

        var misaligned = Assert.Throws<CanonicalTrapException>(() => CanonicalCalls.CallLowered(guest.Codec, function, _ => ComponentValue.String(""), new[] { WasmValue.I32(130), WasmValue.I32(32) }));
        Assert.Equal(CanonicalTrap.Misaligned, misaligned.Trap);
    }
}
