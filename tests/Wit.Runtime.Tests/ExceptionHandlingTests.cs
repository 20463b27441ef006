using System;
using System.Collections.Generic;
using System.Linq;
using Wit.Runtime.Binary;
using Wit.Runtime.Execution;
using Xunit;

namespace Wit.Runtime.Tests;

/// <summary>
/// Core exception handling (the proposal as WebAssembly 3.0 has it): decoding and validation of tags, <c>throw</c>,
/// <c>throw_ref</c>, <c>try_table</c> and <c>exnref</c>, and the interpreter's unwinding. wabt's <c>wat2wasm</c> (1.0.32)
/// knows only the legacy instructions, so these modules go through wasm-tools' parser (in jco), which also writes
/// invalid modules as given.
/// </summary>
public sealed class ExceptionHandlingTests
{
    private static readonly Dictionary<string, byte[]> Binaries = new(StringComparer.Ordinal);
    private static readonly object Gate = new();

    /// <summary>The binaries of every module text in this class, parsed in one run of jco on first use.</summary>
    private static byte[] Bytes(string wat)
    {
        lock (Gate)
        {
            if (Binaries.Count == 0)
            {
                var texts = typeof(ExceptionHandlingTests).GetFields(System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)
                    .Where(f => f.FieldType == typeof(string) && f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToList();
                var parsed = ComponentText.Parse(texts);
                for (int i = 0; i < texts.Count; i++)
                {
                    Binaries[texts[i]] = parsed[i].Wasm ?? throw new InvalidOperationException($"wasm-tools cannot parse a test module: {parsed[i].Error}\n{texts[i]}");
                }
            }
            return Binaries[wat];
        }
    }

    private static WasmModule Module(string wat, WasmFeatures? features = null) => ModuleDecoder.Decode(Bytes(wat), features);

    private static Instance Instantiate(Store store, string wat, Func<Import, ExternValue?>? resolve = null) =>
        store.Instantiate(Module(wat), resolve ?? (_ => null));

    private static int CallI32(Store store, Instance inst, string name, params int[] args) =>
        store.Invoke(inst.ExportedFunction(name)!, args.Select(WasmValue.I32).ToArray())[0].AsI32;

    private const string SameFrame = @"(module
      (tag $e (param i32 i64))
      (func (export ""run"") (param i32) (result i32)
        (local $x i32)
        (local.set $x (i32.const 5))
        ;; An operand below the try_table survives the unwinding: 1000 + what the handler gets.
        (i32.add (i32.const 1000)
          (block $h (result i32 i64)
            (try_table (result i32 i64) (catch $e $h)
              (i32.const 1) (i32.const 2) (drop) (drop)
              (if (local.get 0) (then (throw $e (local.get 0) (i64.const 9))))
              (i32.const -1) (i64.const 0))
            (drop)
            (return (i32.const 0)))
          (drop))
        (i32.add (local.get $x))))";

    [Fact]
    public void A_throw_is_caught_in_the_same_frame_with_its_payload_and_the_operands_below_the_block_kept()
    {
        var store = new Store();
        var inst = Instantiate(store, SameFrame);
        Assert.Equal(1000 + 42 + 5, CallI32(store, inst, "run", 42));
        Assert.Equal(0, CallI32(store, inst, "run", 0));
    }

    private const string AcrossCalls = @"(module
      (tag $e (param i32))
      (tag $other (param f32))
      (func $deep (param i32)
        (if (i32.eq (local.get 0) (i32.const 1)) (then (throw $e (i32.const 77))))
        (if (i32.eq (local.get 0) (i32.const 2)) (then (throw $other (f32.const 1.5))))
        (if (i32.eq (local.get 0) (i32.const 3)) (then (unreachable))))
      (func $middle (param i32) (result i32)
        (local i64 i64)
        (call $deep (local.get 0))
        (i32.const 11))
      (func (export ""run"") (param i32) (result i32)
        (block $all
          (block $h (result i32)
            (try_table (catch $e $h) (catch_all $all)
              (drop (call $middle (local.get 0))))
            (return (i32.const 1)))
          (return (i32.add (i32.const 100))))
        (i32.const 200))
      (func (export ""after"") (result i32) (call $middle (i32.const 0))))";

    [Fact]
    public void A_throw_unwinds_the_frames_between_it_and_the_handler_and_catch_clauses_match_in_order()
    {
        var store = new Store();
        var inst = Instantiate(store, AcrossCalls);
        Assert.Equal(177, CallI32(store, inst, "run", 1)); // catch $e: the payload
        Assert.Equal(200, CallI32(store, inst, "run", 2)); // another tag: catch_all
        Assert.Equal(1, CallI32(store, inst, "run", 0)); // no throw: the block falls through
        // A trap is not an exception: catch_all does not catch it.
        var trap = Assert.Throws<WasmTrapException>(() => CallI32(store, inst, "run", 3));
        Assert.Equal("unreachable", trap.Reason);
        Assert.Null(trap.UncaughtException);
        // The frames the throws unwound are gone: calls still work at the right depth.
        Assert.Equal(11, CallI32(store, inst, "after"));
    }

    [Fact]
    public void Unwinding_works_the_same_under_debug_hooks()
    {
        var store = new Store { Debug = new DebugHooks() };
        var inst = Instantiate(store, AcrossCalls);
        Assert.Equal(177, CallI32(store, inst, "run", 1));
        Assert.Equal(200, CallI32(store, inst, "run", 2));
        var e = Assert.Throws<WasmTrapException>(() => CallI32(store, Instantiate(store, Uncaught), "outer", 1));
        Assert.NotNull(e.Frames);
        Assert.Equal(e.WasmStack.Count, e.Frames!.Count);
    }

    [Fact]
    public void Stepping_over_a_throw_pauses_at_the_handler_in_the_frame_that_caught_it()
    {
        var store = new Store();
        var inst = Instantiate(store, AcrossCalls);
        var bytes = inst.Module.Bytes;
        // In $deep: i32.const 77 (0x41 0xcd 0x00), then throw 0.
        int throwPc = IndexOf(bytes, new byte[] { 0x41, 0xCD, 0x00, 0x08, 0x00 }) + 3;
        var stops = new List<(int Pc, int Depth, ulong[] Operands)>();
        var hooks = new DebugHooks();
        hooks.OnPause = p =>
        {
            stops.Add((p.Frames[0].Pc, p.Frames.Count, p.Frames[0].Operands));
            if (stops.Count == 1)
            {
                hooks.StepOver();
            }
        };
        hooks.AddBreakpoint(throwPc);
        store.Debug = hooks;
        Assert.Equal(177, CallI32(store, inst, "run", 1));
        Assert.Equal(2, stops.Count);
        Assert.Equal((throwPc, 3), (stops[0].Pc, stops[0].Depth));
        // The next pause is in run, the only frame left, with the payload on its operand stack.
        Assert.Equal(1, stops[1].Depth);
        Assert.Equal(new ulong[] { 77 }, stops[1].Operands);
        Assert.Equal(0x41, bytes[stops[1].Pc]); // the i32.const 100 after the handler's block
    }

    private const string Rethrow = @"(module
      (tag $e (param i32))
      (global $seen (mut i32) (i32.const 0))
      (func $throw (param i32) (throw $e (local.get 0)))
      (func $inner (param i32)
        (local $x exnref)
        (block $h (result i32 exnref)
          (try_table (catch_ref $e $h) (call $throw (local.get 0)))
          (return))
        (local.set $x)
        (global.set $seen)
        (throw_ref (local.get $x)))
      (func (export ""run"") (param i32) (result i32)
        (block $h (result i32)
          (try_table (catch $e $h) (call $inner (local.get 0)))
          (return (i32.const -1)))
        (i32.add (global.get $seen)))
      (func (export ""all-ref"") (result exnref)
        (block $h (result exnref)
          (try_table (catch_all_ref $h) (call $throw (i32.const 5)))
          (return (ref.null exn))))
      (func (export ""rethrow"") (param exnref) (throw_ref (local.get 0)))
      (func (export ""null"") (result i32) (ref.is_null (ref.null exn))))";

    [Fact]
    public void Catch_ref_hands_over_the_exception_and_throw_ref_rethrows_the_same_one()
    {
        var store = new Store();
        var inst = Instantiate(store, Rethrow);
        // The inner handler saw 21 and rethrew; the outer one caught the same payload: 21 + 21.
        Assert.Equal(42, CallI32(store, inst, "run", 21));
        var exnref = store.Invoke(inst.ExportedFunction("all-ref")!)[0];
        Assert.Equal(ValType.ExnRef, exnref.Type);
        var exn = store.ExceptionOf(exnref);
        Assert.NotNull(exn);
        Assert.Equal(new[] { WasmValue.I32(5) }, exn!.Payload);
        // The same bits as another reference type name no exception.
        Assert.Null(store.ExceptionOf(new WasmValue(ValType.ExternRef, exnref.Bits)));
        Assert.Null(store.ExceptionOf(WasmValue.Null(ValType.ExnRef)));
        // Rethrown with no handler: the same exception object leaves as the trap's.
        var e = Assert.Throws<WasmTrapException>(() => store.Invoke(inst.ExportedFunction("rethrow")!, exnref));
        Assert.Same(exn, e.UncaughtException);
        var nullRef = Assert.Throws<WasmTrapException>(() => store.Invoke(inst.ExportedFunction("rethrow")!, WasmValue.Null(ValType.ExnRef)));
        Assert.Equal("null exception reference", nullRef.Reason);
        Assert.Equal(1, CallI32(store, inst, "null"));
    }

    private const string Uncaught = @"(module
      (tag $e (export ""e"") (param i32 f64))
      (func $thrower (param i32) (throw $e (local.get 0) (f64.const 2.5)))
      (func (export ""outer"") (param i32) (call $thrower (local.get 0)))
      (func (export ""ok"") (result i32) (i32.const 3)))";

    [Fact]
    public void An_uncaught_exception_is_a_trap_that_carries_the_exception_and_the_stack_at_the_throw()
    {
        var store = new Store();
        var inst = Instantiate(store, Uncaught);
        var e = Assert.Throws<WasmTrapException>(() => store.Invoke(inst.ExportedFunction("outer")!, WasmValue.I32(8)));
        Assert.Equal(WasmErrorKind.Trap, e.Kind);
        Assert.Equal("uncaught exception", e.Reason);
        Assert.Same(inst.ExportedTag("e"), e.UncaughtException!.Tag);
        Assert.Equal(new[] { WasmValue.I32(8), WasmValue.F64(2.5) }, e.UncaughtException.Payload);
        Assert.Equal(2, e.WasmStack.Count);
        Assert.Equal(0x08, inst.Module.Bytes[e.WasmStack[0].Pc]); // the throw
        Assert.Equal(3, CallI32(store, inst, "ok"));
    }

    private const string TagModule = @"(module
      (tag $t (export ""t"") (param i32))
      (func (export ""throw"") (param i32) (throw $t (local.get 0))))";

    private const string Catcher = @"(module
      (import ""tag"" ""t"" (tag $t (param i32)))
      (import ""a"" ""throw"" (func $a (param i32)))
      (import ""b"" ""throw"" (func $b (param i32)))
      (func $run (param i32 i32) (result i32)
        (block $all
          (block $h (result i32)
            (try_table (catch $t $h) (catch_all $all)
              (if (local.get 1) (then (call $b (local.get 0))) (else (call $a (local.get 0)))))
            (return (i32.const 99)))
          (return))
        (i32.const 77))
      (func (export ""run-a"") (param i32) (result i32) (call $run (local.get 0) (i32.const 0)))
      (func (export ""run-b"") (param i32) (result i32) (call $run (local.get 0) (i32.const 1))))";

    [Fact]
    public void Tags_are_generative_per_instance_and_an_imported_tag_is_the_exporters()
    {
        var store = new Store();
        var a = Instantiate(store, TagModule);
        var b = Instantiate(store, TagModule);
        Assert.NotSame(a.ExportedTag("t"), b.ExportedTag("t"));
        Assert.Equal(a.ExportedTag("t")!.Type, b.ExportedTag("t")!.Type);
        var c = Instantiate(store, Catcher, im => im.Module switch
        {
            "tag" => a.Export("t"),
            "a" => a.Export("throw"),
            _ => b.Export("throw"),
        });
        Assert.Same(a.ExportedTag("t"), c.Tags[0]);
        Assert.Equal(42, CallI32(store, c, "run-a", 42)); // a's tag: catch $t
        Assert.Equal(77, CallI32(store, c, "run-b", 42)); // b's tag, same type: only catch_all
    }

    [Fact]
    public void A_tag_import_of_another_type_or_kind_does_not_link()
    {
        var store = new Store();
        var other = new TagInstance(new FuncType(new[] { ValType.I64 }, Array.Empty<ValType>()));
        var e = Assert.Throws<WasmException>(() => Instantiate(store, Catcher, im => im.Module == "tag" ? other : new HostFunction(new FuncType(new[] { ValType.I32 }, Array.Empty<ValType>()), (_, _, _) => { })));
        Assert.Equal(WasmErrorKind.Unlinkable, e.Kind);
        var notATag = Assert.Throws<WasmException>(() => Instantiate(store, Catcher, im => new HostFunction(new FuncType(new[] { ValType.I32 }, Array.Empty<ValType>()), (_, _, _) => { })));
        Assert.Equal(WasmErrorKind.Unlinkable, notATag.Kind);
        Assert.Throws<WasmException>(() => new TagInstance(new FuncType(Array.Empty<ValType>(), new[] { ValType.I32 })));
    }

    private const string ThroughHost = @"(module
      (import ""host"" ""call"" (func $host))
      (tag $e (export ""e""))
      (func (export ""throw"") (throw $e))
      (func (export ""run"") (result i32)
        (block $all
          (try_table (catch_all $all) (call $host))
          (return (i32.const 1)))
        (i32.const 2)))";

    [Fact]
    public void An_exception_does_not_cross_a_host_function_it_is_a_trap_there()
    {
        var store = new Store();
        Instance? inst = null;
        var host = new HostFunction(new FuncType(Array.Empty<ValType>(), Array.Empty<ValType>()), (caller, _, _) => caller.Store.Invoke(inst!.ExportedFunction("throw")!), "call");
        inst = Instantiate(store, ThroughHost, _ => host);
        // The wasm below the host function has a catch_all, but the exception left the wasm the host called: a trap.
        var e = Assert.Throws<WasmTrapException>(() => CallI32(store, inst, "run"));
        Assert.Equal("uncaught exception", e.Reason);
        Assert.Same(inst.ExportedTag("e"), e.UncaughtException!.Tag);
    }

    private const string CatchToLoop = @"(module
      (tag $e (param i32))
      (func (export ""count"") (param i32) (result i32)
        (local $n i32)
        (local.get 0)
        (loop $again (param i32)
          (local.set $n (i32.add (local.get $n) (i32.const 1)))
          (try_table (param i32) (catch $e $again)
            (local.set 0)
            (if (i32.gt_u (local.get 0) (i32.const 0))
              (then (throw $e (i32.sub (local.get 0) (i32.const 1)))))))
        (local.get $n))
      (func (export ""to-function"") (result i32)
        ;; Catch labels are counted outside the try_table: 0 is the function's own label.
        (try_table (catch $e 0) (throw $e (i32.const 8)))
        (i32.const -1)))";

    [Fact]
    public void A_catch_may_branch_to_a_loop_or_to_the_functions_label()
    {
        var store = new Store();
        var inst = Instantiate(store, CatchToLoop);
        // Each throw lands on the loop with the payload as its parameter: 5 throws, 6 rounds.
        Assert.Equal(6, CallI32(store, inst, "count", 5));
        Assert.Equal(8, CallI32(store, inst, "to-function"));
    }

    private const string ValidExnref = @"(module
      (type $f (func (param exnref) (result exnref)))
      (table 1 exnref)
      (global $g (mut exnref) (ref.null exn))
      (func (type $f) (local.get 0))
      (func (param exnref) (result i32)
        (global.set $g (local.get 0))
        (table.set (i32.const 0) (local.get 0))
        (ref.is_null (select (result exnref) (local.get 0) (global.get $g) (i32.const 1)))))";

    [Fact]
    public void Exnref_is_a_reference_type_in_locals_globals_tables_and_typed_select()
    {
        var m = Module(ValidExnref);
        Validation.ModuleValidator.Validate(m);
        Assert.Equal(ValType.ExnRef, m.Types[0].Params[0]);
        Assert.Equal(ValType.ExnRef, m.Tables[0].Element);
        Assert.Equal("exnref", TypeNames.Of(ValType.ExnRef));
    }

    private const string CatchLabelMismatch = @"(module (tag $e (param i32))
      (func (block $h (result i64) (try_table (catch $e $h)) (unreachable)) (drop)))";
    private const string CatchRefWithoutExnref = @"(module (tag $e (param i32))
      (func (block $h (result i32) (try_table (catch_ref $e $h)) (unreachable)) (drop)))";
    private const string CatchAllRefWrongLabel = @"(module
      (func (block $h (result externref) (try_table (catch_all_ref $h)) (unreachable)) (drop)))";
    private const string ThrowWrongPayload = @"(module (tag $e (param i32)) (func (throw $e (i64.const 1))))";
    private const string ThrowRefNotExnref = @"(module (func (throw_ref (i32.const 0))))";
    private const string UnknownTag = @"(module (func (throw 0)))";
    private const string UnknownCatchTag = @"(module (func (block $h (try_table (catch 3 $h)))))";
    private const string TagWithResults = @"(module (type (func (result i32))) (tag (type 0)))";
    private const string UntypedSelectOfExnref = @"(module (func (param exnref exnref) (result exnref) (select (local.get 0) (local.get 1) (i32.const 0))))";
    private const string CatchSeesNotTheTryTablesOwnLabel = @"(module (tag $e)
      (func (try_table (catch $e 1))))";
    private const string TryTableResultMismatch = @"(module
      (func (result i32) (try_table (result i32) (i64.const 0))))";

    [Theory]
    [InlineData(CatchLabelMismatch, "type mismatch")]
    [InlineData(CatchRefWithoutExnref, "type mismatch")]
    [InlineData(CatchAllRefWrongLabel, "type mismatch")]
    [InlineData(ThrowWrongPayload, "type mismatch")]
    [InlineData(ThrowRefNotExnref, "type mismatch")]
    [InlineData(UnknownTag, "unknown tag 0")]
    [InlineData(UnknownCatchTag, "unknown tag 3")]
    [InlineData(TagWithResults, "non-empty tag result type")]
    [InlineData(UntypedSelectOfExnref, "type mismatch")]
    [InlineData(CatchSeesNotTheTryTablesOwnLabel, "unknown label")]
    [InlineData(TryTableResultMismatch, "type mismatch")]
    public void Invalid_exception_handling_is_refused_by_validation(string wat, string message)
    {
        var m = Module(wat);
        var e = Assert.Throws<WasmException>(() => Validation.ModuleValidator.Validate(m));
        Assert.Equal(WasmErrorKind.Invalid, e.Kind);
        Assert.Equal(message, e.Reason);
    }

    [Fact]
    public void Without_the_feature_tags_and_exnref_are_malformed()
    {
        var e = Assert.Throws<WasmException>(() => Module(TagModule, WasmFeatures.Wasm2));
        Assert.Equal(WasmErrorKind.Malformed, e.Kind);
        Assert.Equal("malformed section id", e.Reason);
        var v = Assert.Throws<WasmException>(() => Module(ValidExnref, WasmFeatures.Wasm2));
        Assert.Equal("malformed value type", v.Reason);
        // The instructions are illegal opcodes there (a body with throw_ref, with the feature off).
        var op = Assert.Throws<WasmException>(() => Validation.ModuleValidator.Validate(Module(ThrowRefNotExnref, WasmFeatures.Wasm2)));
        Assert.Equal(WasmErrorKind.Malformed, op.Kind);
        Assert.Equal("illegal opcode", op.Reason);
    }

    [Fact]
    public void A_malformed_catch_clause_kind_is_reported_as_malformed()
    {
        var bytes = (byte[])Bytes(CatchToLoop).Clone();
        // The try_table of "to-function": 0x1f 0x40 (no results) 0x01 (one clause) 0x00 (catch) ...; make the kind 0x04.
        int at = IndexOf(bytes, new byte[] { 0x1F, 0x40, 0x01, 0x00 });
        Assert.True(at > 0);
        bytes[at + 3] = 0x04;
        var e = Assert.Throws<WasmException>(() => Validation.ModuleValidator.Validate(ModuleDecoder.Decode(bytes)));
        Assert.Equal(WasmErrorKind.Malformed, e.Kind);
        Assert.Equal("malformed catch clause", e.Reason);
    }

    private static int IndexOf(byte[] haystack, byte[] needle)
    {
        for (int i = 0; i + needle.Length <= haystack.Length; i++)
        {
            if (haystack.AsSpan(i, needle.Length).SequenceEqual(needle))
            {
                return i;
            }
        }
        return -1;
    }
}
