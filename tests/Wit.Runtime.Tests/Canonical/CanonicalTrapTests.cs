using System;
using System.Linq;
using Wit.Core.Abi;
using Wit.Core.Semantics;
using Wit.Runtime.Canonical;
using Wit.Runtime.Execution;
using Xunit;

namespace Wit.Runtime.Tests.Canonical;

/// <summary>
/// The Canonical ABI's traps as typed traps (handles, borrow scopes, the resource built-ins, may-leave), and the
/// errors that are not traps: values that do not match their type, types the runtime cannot carry, missing options.
/// </summary>
public sealed class CanonicalTrapTests
{
    private const string Wit = """
        package test:traps;

        interface t {
          resource res;
          resource other;
          resource res-local;
          type own-res = own<res>;
          type borrow-res = borrow<res>;
          type own-other = own<other>;
          type borrow-local = borrow<res-local>;
          type text = string;
          type pair-list = list<tuple<u8, string>>;
          type names = map<string, u32>;
          type huge = list<u8, 4000000000>;
        }
        """;

    private static readonly Lazy<Interface> Types = new(() => CanonicalJson.ResolveInterface(Wit, "t"));

    private static WitType T(string name) => CanonicalJson.TypeNamed(Types.Value, name);

    private sealed class Setup
    {
        public Setup()
        {
            Other = new CanonicalInstance();
            Instance = new CanonicalInstance();
            Res = new ResourceType("res", Other, rep => Destroyed.Add(rep));
            OtherType = new ResourceType("other", Other);
            Local = new ResourceType("res-local", Instance);
            Memory = new MemoryInstance(new Wit.Runtime.Binary.MemoryType(new Wit.Runtime.Binary.Limits(1, 2)));
            Options = new CanonicalOptions { Memory = Memory, Realloc = (old, oldSize, align, size) => Bump(align, size) };
            Lower = Context(task: Task);
            Lift = Context(subtask: Subtask);
        }

        public CanonicalInstance Other { get; }
        public CanonicalInstance Instance { get; }
        public ResourceType Res { get; }
        public ResourceType OtherType { get; }
        public ResourceType Local { get; }
        public MemoryInstance Memory { get; }
        public CanonicalOptions Options { get; set; }
        public CallTask Task { get; } = new();
        public CallSubtask Subtask { get; } = new();
        public LiftLowerContext Lower { get; }
        public LiftLowerContext Lift { get; }
        public System.Collections.Generic.List<uint> Destroyed { get; } = new();
        public CanonicalCodec Codec { get; } = new(new CanonicalAbi());
        public ulong Next { get; set; } = 1024;

        public ulong Bump(ulong align, ulong size)
        {
            ulong ptr = (Next + align - 1) / align * align;
            Next = ptr + size;
            return ptr;
        }

        public LiftLowerContext Context(CallTask? task = null, CallSubtask? subtask = null, CanonicalOptions? options = null) =>
            new(options ?? Options, Instance, ResourceOf, task, subtask);

        private ResourceType ResourceOf(TypeDefinition resource) => resource.Name switch
        {
            "res" => Res,
            "other" => OtherType,
            _ => Local,
        };

        public ulong LowerOne(string type, ComponentValue value, LiftLowerContext? cx = null) => Codec.LowerFlat(cx ?? Lower, value, T(type)).Single().Bits;

        public ComponentValue LiftOne(string type, ulong index, LiftLowerContext? cx = null) => Codec.LiftFlat(cx ?? Lift, new FlatReader(WasmValue.I32((int)index)), T(type));
    }

    private static CanonicalTrap TrapOf(Action action) => Assert.Throws<CanonicalTrapException>(action).Trap;

    [Fact]
    public void An_owned_handle_moves_out_of_the_table_once()
    {
        var s = new Setup();
        ulong index = s.LowerOne("own-res", ComponentValue.Own(42));
        Assert.Equal(1UL, index);
        Assert.Equal(ComponentValue.Own(42), s.LiftOne("own-res", index));
        Assert.Equal(0, s.Instance.Handles.Count);
        Assert.Equal(CanonicalTrap.InvalidHandle, TrapOf(() => s.LiftOne("own-res", index)));
        Assert.Equal(CanonicalTrap.InvalidHandle, TrapOf(() => s.LiftOne("own-res", 0)));
    }

    [Fact]
    public void Freed_indices_are_reused_last_freed_first()
    {
        var s = new Setup();
        var indices = Enumerable.Range(0, 3).Select(i => s.LowerOne("own-res", ComponentValue.Own((uint)i))).ToArray();
        Assert.Equal(new ulong[] { 1, 2, 3 }, indices);
        s.LiftOne("own-res", 1);
        s.LiftOne("own-res", 3);
        Assert.Equal(3UL, s.LowerOne("own-res", ComponentValue.Own(7)));
        Assert.Equal(1UL, s.LowerOne("own-res", ComponentValue.Own(8)));
    }

    [Fact]
    public void A_handle_of_another_resource_type_traps()
    {
        var s = new Setup();
        ulong index = s.LowerOne("own-other", ComponentValue.Own(1));
        Assert.Equal(CanonicalTrap.ResourceTypeMismatch, TrapOf(() => s.LiftOne("own-res", index)));
        ulong other = s.LowerOne("own-other", ComponentValue.Own(2));
        Assert.Equal(CanonicalTrap.ResourceTypeMismatch, TrapOf(() => s.LiftOne("borrow-res", other)));
        Assert.Equal(CanonicalTrap.ResourceTypeMismatch, TrapOf(() => ResourceBuiltins.Rep(s.Instance, s.Res, (uint)other)));
        Assert.Equal(CanonicalTrap.ResourceTypeMismatch, TrapOf(() => ResourceBuiltins.Drop(s.Instance, s.Res, (uint)other)));
    }

    [Fact]
    public void A_lent_handle_can_be_neither_moved_nor_dropped_until_the_call_ends()
    {
        var s = new Setup();
        ulong index = s.LowerOne("own-res", ComponentValue.Own(5));
        Assert.Equal(ComponentValue.Borrow(5), s.LiftOne("borrow-res", index));
        Assert.Equal(1, s.Instance.Handles.Get(index).Lends);

        var t = new Setup();
        ulong lent = t.LowerOne("own-res", ComponentValue.Own(6));
        t.LiftOne("borrow-res", lent);
        Assert.Equal(CanonicalTrap.HandleLent, TrapOf(() => ResourceBuiltins.Drop(t.Instance, t.Res, (uint)lent)));

        var u = new Setup();
        ulong moved = u.LowerOne("own-res", ComponentValue.Own(7));
        u.LiftOne("borrow-res", moved);
        Assert.Equal(CanonicalTrap.HandleLent, TrapOf(() => u.LiftOne("own-res", moved)));

        var v = new Setup();
        ulong resolved = v.LowerOne("own-res", ComponentValue.Own(8));
        v.LiftOne("borrow-res", resolved);
        v.Subtask.Resolve();
        Assert.Equal(0, v.Instance.Handles.Get(resolved).Lends);
        ResourceBuiltins.Drop(v.Instance, v.Res, (uint)resolved);
        Assert.Equal(new uint[] { 8 }, v.Destroyed);
    }

    [Fact]
    public void A_borrow_is_not_an_owned_handle()
    {
        var s = new Setup();
        ulong index = s.LowerOne("borrow-res", ComponentValue.Borrow(9));
        Assert.Equal(CanonicalTrap.NotOwned, TrapOf(() => s.LiftOne("own-res", index, s.Context(subtask: new CallSubtask()))));
    }

    [Fact]
    public void A_call_cannot_return_while_it_holds_a_borrow()
    {
        var s = new Setup();
        ulong index = s.LowerOne("borrow-res", ComponentValue.Borrow(3));
        Assert.Equal(1, s.Task.Borrows);
        Assert.Equal(CanonicalTrap.BorrowsOutstanding, TrapOf(s.Task.Return));
        ResourceBuiltins.Drop(s.Instance, s.Res, (uint)index);
        Assert.Empty(s.Destroyed);
        Assert.Equal(0, s.Task.Borrows);
        s.Task.Return();
        Assert.Equal(CanonicalTrap.AlreadyReturned, TrapOf(s.Task.Return));
    }

    [Fact]
    public void A_borrow_lowered_to_the_resource_s_own_instance_is_its_rep()
    {
        var s = new Setup();
        Assert.Equal(77UL, s.LowerOne("borrow-local", ComponentValue.Borrow(77)));
        Assert.Equal(0, s.Instance.Handles.Count);
        Assert.Equal(0, s.Task.Borrows);
    }

    [Fact]
    public void Resource_built_ins_follow_the_table()
    {
        var s = new Setup();
        uint index = ResourceBuiltins.New(s.Instance, s.Res, 11);
        Assert.Equal(11u, ResourceBuiltins.Rep(s.Instance, s.Res, index));
        ResourceBuiltins.Drop(s.Instance, s.Res, index);
        Assert.Equal(new uint[] { 11 }, s.Destroyed);
        Assert.Equal(CanonicalTrap.InvalidHandle, TrapOf(() => ResourceBuiltins.Rep(s.Instance, s.Res, index)));
        Assert.Equal(CanonicalTrap.InvalidHandle, TrapOf(() => ResourceBuiltins.Drop(s.Instance, s.Res, index)));
    }

    [Fact]
    public void Realloc_may_not_call_out_of_the_instance()
    {
        var s = new Setup();
        var options = new CanonicalOptions
        {
            Memory = s.Memory,
            Realloc = (old, oldSize, align, size) =>
            {
                ResourceBuiltins.New(s.Instance, s.Res, 1);
                return 64;
            },
        };
        Assert.Equal(CanonicalTrap.CannotLeave, TrapOf(() => s.Codec.LowerFlat(s.Context(task: s.Task, options: options), ComponentValue.String("x"), T("text"))));
        Assert.True(s.Instance.MayLeave);
    }

    [Fact]
    public void Realloc_that_grows_the_memory_is_written_through()
    {
        var s = new Setup();
        var options = new CanonicalOptions
        {
            Memory = s.Memory,
            Realloc = (old, oldSize, align, size) =>
            {
                Assert.Equal(1, s.Memory.Grow(1));
                return MemoryInstance.PageSize + 8;
            },
        };
        var flat = s.Codec.LowerFlat(s.Context(task: s.Task, options: options), ComponentValue.String("grown"), T("text"));
        Assert.Equal((ulong)MemoryInstance.PageSize + 8, flat[0].Bits);
        Assert.Equal("grown", System.Text.Encoding.UTF8.GetString(s.Memory.Bytes, MemoryInstance.PageSize + 8, 5));
        Assert.Equal(ComponentValue.String("grown"), s.Codec.LiftFlat(s.Lift, new FlatReader(flat), T("text")));
    }

    [Fact]
    public void A_pointer_realloc_returns_outside_the_memory_traps()
    {
        var s = new Setup();
        var options = new CanonicalOptions { Memory = s.Memory, Realloc = (_, _, _, _) => (ulong)s.Memory.Bytes.Length - 2 };
        Assert.Equal(CanonicalTrap.OutOfBounds, TrapOf(() => s.Codec.LowerFlat(s.Context(task: s.Task, options: options), ComponentValue.String("four"), T("text"))));
        var odd = new CanonicalOptions { Memory = s.Memory, StringEncoding = StringEncoding.Utf16, Realloc = (_, _, _, _) => 65 };
        Assert.Equal(CanonicalTrap.Misaligned, TrapOf(() => s.Codec.LowerFlat(s.Context(task: s.Task, options: odd), ComponentValue.String("x"), T("text"))));
    }

    [Fact]
    public void Maps_are_lists_of_key_value_pairs()
    {
        var s = new Setup();
        var map = ComponentValue.List(ComponentValue.Record(ComponentValue.String("a"), ComponentValue.U32(1)), ComponentValue.Record(ComponentValue.String("bc"), ComponentValue.U32(2)));
        var flat = s.Codec.LowerFlat(s.Lower, map, T("names"));
        Assert.Equal(2UL, flat[1].Bits);
        Assert.Equal(map, s.Codec.LiftFlat(s.Lift, new FlatReader(flat), T("names")));
        // Each pair is a tuple<string, u32>: 12 bytes, the u32 at offset 8.
        Assert.Equal(2u, BitConverter.ToUInt32(s.Memory.Bytes, (int)flat[0].Bits + 12 + 8));
    }

    [Fact]
    public void Values_that_do_not_fit_their_type_are_usage_errors_not_traps()
    {
        var s = new Setup();
        var wrongKind = Assert.Throws<WasmException>(() => s.Codec.LowerFlat(s.Lower, ComponentValue.U32(1), T("text")));
        Assert.Equal(WasmErrorKind.Usage, wrongKind.Kind);
        var wrongArity = Assert.Throws<WasmException>(() => s.Codec.LowerFlat(s.Lower, ComponentValue.List(ComponentValue.Record(ComponentValue.U8(1))), T("pair-list")));
        Assert.Contains("has 1 items", wrongArity.Message);
        var surrogate = Assert.Throws<WasmException>(() => ComponentValue.String("a\ud800b"));
        Assert.Contains("lone surrogate", surrogate.Message);
        Assert.Throws<WasmException>(() => ComponentValue.Char(0xD800));
        var noRealloc = Assert.Throws<WasmException>(() => s.Codec.LowerFlat(s.Context(task: s.Task, options: new CanonicalOptions { Memory = s.Memory }), ComponentValue.String("x"), T("text")));
        Assert.Contains("no realloc", noRealloc.Message);
        var noScope = Assert.Throws<WasmException>(() => s.Codec.LowerFlat(s.Context(), ComponentValue.Borrow(1), T("borrow-res")));
        Assert.Contains("needs the call", noScope.Message);
        var wrongFlat = Assert.Throws<WasmException>(() => s.Codec.LiftFlat(s.Lift, new FlatReader(WasmValue.I64(1)), T("text")));
        Assert.Equal(WasmErrorKind.Usage, wrongFlat.Kind);
    }

    [Fact]
    public void A_fixed_length_list_longer_than_its_flat_values_is_an_error_not_an_allocation()
    {
        var s = new Setup();
        var error = Assert.Throws<WasmException>(() => s.Codec.LiftFlat(s.Lift, new FlatReader(WasmValue.I32(1), WasmValue.I32(2)), T("huge")));
        Assert.Contains("too few flat values", error.Message);
    }

    [Fact]
    public void Types_nested_past_the_bound_are_refused_without_exhausting_the_stack()
    {
        // Nested through names (the parser bounds syntactic nesting, a component's types are not bounded so).
        int levels = CanonicalCodec.MaxDepth + 10;
        var text = new System.Text.StringBuilder("package test:deep;\ninterface d {\n  type d0 = u8;\n");
        for (int i = 1; i <= levels; i++) text.Append($"  type d{i} = option<d{i - 1}>;\n");
        var deep = CanonicalJson.ResolveInterface(text.Append("}\n").ToString(), "d");
        var type = CanonicalJson.TypeNamed(deep, $"d{levels}");
        var value = ComponentValue.U8(1);
        for (int i = 0; i < levels; i++) value = ComponentValue.Some(value);
        var s = new Setup();
        var error = Assert.Throws<WasmException>(() => s.Codec.Store(s.Lower, value, type, 0));
        Assert.Equal(WasmErrorKind.Unsupported, error.Kind);
        Assert.Throws<WasmException>(() => s.Codec.Load(s.Lift, 0, type));
    }
}
