using System;
using System.Collections.Generic;
using System.Linq;
using Wit.Runtime.Binary;
using Wit.Runtime.Execution;
using Xunit;

namespace Wit.Runtime.Tests;

public sealed class ExecutionTests
{
    private static WasmValue[] Call(Store store, Instance inst, string name, params WasmValue[] args) =>
        store.Invoke(inst.ExportedFunction(name)!, args);

    [Fact]
    public void A_trap_carries_the_wasm_stack_innermost_first_with_pcs_in_the_module()
    {
        var store = new Store();
        var inst = Wat.Instantiate(store, @"(module
            (func $inner (unreachable))
            (func $middle (call $inner))
            (func (export ""outer"") (call $middle)))");
        var e = Assert.Throws<WasmTrapException>(() => Call(store, inst, "outer"));
        Assert.Equal("unreachable", e.Reason);
        Assert.Equal(new[] { "inner", "middle", null }, e.WasmStack.Select(f => f.FunctionName));
        Assert.Equal(new[] { 0, 1, 2 }, e.WasmStack.Select(f => f.FunctionIndex));
        // Each pc is a byte offset in the module: the trapping instruction, then the calls.
        var bytes = inst.Module.Bytes;
        Assert.Equal(0x00, bytes[e.WasmStack[0].Pc]);
        Assert.Equal(0x10, bytes[e.WasmStack[1].Pc]);
        Assert.Equal(0x10, bytes[e.WasmStack[2].Pc]);
        Assert.Equal(e.WasmStack[0].Pc, e.Offset);
    }

    [Fact]
    public void Deep_recursion_traps_with_call_stack_exhausted_and_the_store_stays_usable()
    {
        var store = new Store(new StoreLimits { MaxCallDepth = 1000 });
        var inst = Wat.Instantiate(store, @"(module
            (func $f (export ""f"") (param i32) (result i32) (call $f (i32.add (local.get 0) (i32.const 1))))
            (func (export ""g"") (result i32) (i32.const 7)))");
        var e = Assert.Throws<WasmTrapException>(() => Call(store, inst, "f", WasmValue.I32(0)));
        Assert.Equal(WasmErrorKind.Exhaustion, e.Kind);
        Assert.Equal("call stack exhausted", e.Reason);
        Assert.Equal(7, Call(store, inst, "g")[0].AsI32);
    }

    [Fact]
    public void Fuel_stops_an_infinite_loop()
    {
        var store = new Store(new StoreLimits { Fuel = 10_000 });
        var inst = Wat.Instantiate(store, @"(module (func (export ""spin"") (loop (br 0))))");
        var e = Assert.Throws<WasmTrapException>(() => Call(store, inst, "spin"));
        Assert.Equal(WasmErrorKind.Limit, e.Kind);
        Assert.Equal("fuel exhausted", e.Reason);
        Assert.True(store.Fuel < 0);
    }

    [Fact]
    public void Memory_growth_stops_at_the_embedders_limit()
    {
        var store = new Store(new StoreLimits { MaxMemoryPages = 4 });
        var inst = Wat.Instantiate(store, @"(module (memory 1)
            (func (export ""grow"") (param i32) (result i32) (memory.grow (local.get 0))))");
        Assert.Equal(1, Call(store, inst, "grow", WasmValue.I32(3))[0].AsI32);
        Assert.Equal(-1, Call(store, inst, "grow", WasmValue.I32(1))[0].AsI32);
        var e = Assert.Throws<WasmException>(() => Wat.Instantiate(store, "(module (memory 5))"));
        Assert.Equal(WasmErrorKind.Limit, e.Kind);
    }

    [Fact]
    public void Host_functions_are_called_with_their_arguments_and_may_call_back_into_wasm()
    {
        var store = new Store();
        Instance? inst = null;
        var seen = new List<int>();
        var host = new HostFunction(new FuncType(new[] { ValType.I32 }, new[] { ValType.I32 }), (caller, args, results) =>
        {
            seen.Add(args[0].AsI32);
            // Re-enter: double the argument in wasm.
            results[0] = caller.Store.Invoke(inst!.ExportedFunction("double")!, args[0])[0];
        });
        inst = Wat.Instantiate(store, @"(module
            (import ""env"" ""h"" (func $h (param i32) (result i32)))
            (func (export ""double"") (param i32) (result i32) (i32.mul (local.get 0) (i32.const 2)))
            (func (export ""run"") (param i32) (result i32) (i32.add (call $h (local.get 0)) (i32.const 1))))",
            im => im.Module == "env" && im.Name == "h" ? host : null);
        Assert.Equal(43, Call(store, inst, "run", WasmValue.I32(21))[0].AsI32);
        Assert.Equal(new[] { 21 }, seen);
    }

    [Fact]
    public void A_missing_import_is_unlinkable()
    {
        var store = new Store();
        var e = Assert.Throws<WasmException>(() => Wat.Instantiate(store, @"(module (import ""env"" ""f"" (func)))"));
        Assert.Equal(WasmErrorKind.Unlinkable, e.Kind);
        Assert.Contains("env.f", e.Reason);
    }

    [Fact]
    public void Multiple_memories_are_addressed_by_index()
    {
        var store = new Store();
        var inst = Wat.Instantiate(store, @"(module (memory $a 1) (memory $b 1)
            (func (export ""run"") (result i32)
              (i32.store $b (i32.const 8) (i32.const 42))
              (i32.add (i32.load $a (i32.const 8)) (i32.load $b (i32.const 8)))))");
        Assert.Equal(42, Call(store, inst, "run")[0].AsI32);
        Assert.Equal(42, inst.Memories[1].Bytes[8]);
        Assert.Equal(0, inst.Memories[0].Bytes[8]);
    }

    [Fact]
    public void A_breakpoint_pauses_with_the_frames_locals_and_operands()
    {
        var store = new Store();
        var inst = Wat.Instantiate(store, @"(module
            (func $add (param $a i32) (param $b i32) (result i32) (i32.add (local.get $a) (local.get $b)))
            (func (export ""run"") (result i32) (call $add (i32.const 3) (i32.const 4))))");
        var add = (WasmFunction)inst.Functions[0];
        // The i32.add: after the two local.get (2 bytes each) at the start of the body.
        int addPc = add.Body.CodeStart + 4;
        Assert.Equal(0x6A, inst.Module.Bytes[addPc]);
        var pauses = new List<PauseContext>();
        var hooks = new DebugHooks { OnPause = pauses.Add };
        hooks.AddBreakpoint(addPc);
        store.Debug = hooks;
        Assert.Equal(7, Call(store, inst, "run")[0].AsI32);
        var pause = Assert.Single(pauses);
        Assert.Equal(2, pause.Frames.Count);
        var top = pause.Frames[0];
        Assert.Equal("add", top.Function.Name);
        Assert.Equal(addPc, top.Pc);
        Assert.Equal(new[] { 3, 4 }, top.Locals.Select(l => l.AsI32));
        Assert.Equal(new ulong[] { 3, 4 }, top.Operands);
        Assert.Equal(1, pause.Frames[1].Function.Index);

        // A removed breakpoint no longer pauses; without hooks, nothing pauses.
        hooks.RemoveBreakpoint(addPc);
        Call(store, inst, "run");
        Assert.Single(pauses);
        hooks.AddBreakpoint(addPc);
        store.Debug = null;
        Call(store, inst, "run");
        Assert.Single(pauses);
    }

    [Fact]
    public void Single_step_pauses_before_every_instruction()
    {
        var store = new Store();
        var inst = Wat.Instantiate(store, @"(module (func (export ""run"") (result i32) (i32.add (i32.const 1) (i32.const 2))))");
        var pcs = new List<int>();
        store.Debug = new DebugHooks { SingleStep = true, OnPause = p => pcs.Add(p.Frames[0].Pc) };
        Call(store, inst, "run");
        var bytes = inst.Module.Bytes;
        Assert.Equal(new byte[] { 0x41, 0x41, 0x6A, 0x0B }, pcs.Select(pc => bytes[pc]));
    }

    [Fact]
    public void A_pause_request_pauses_once_at_the_next_instruction()
    {
        var store = new Store();
        var inst = Wat.Instantiate(store, @"(module (func (export ""run"") (result i32) (i32.add (i32.const 1) (i32.const 2))))");
        var pcs = new List<int>();
        var hooks = new DebugHooks { OnPause = p => pcs.Add(p.Frames[0].Pc) };
        store.Debug = hooks;
        hooks.RequestPause();
        Call(store, inst, "run");
        Assert.Equal(new[] { ((WasmFunction)inst.Functions[0]).Body.CodeStart }, pcs);
    }

    [Fact]
    public void A_trap_under_debug_hooks_keeps_every_frame_with_its_locals_and_operands()
    {
        var store = new Store();
        var inst = Wat.Instantiate(store, @"(module
            (func $div (param i32 i32) (result i32) (local i32) (local.set 2 (i32.const 9)) (i32.div_s (local.get 0) (local.get 1)))
            (func (export ""run"") (param i32) (result i32) (i32.add (i32.const 100) (call $div (local.get 0) (i32.const 0)))))");
        var plain = Assert.Throws<WasmTrapException>(() => Call(store, inst, "run", WasmValue.I32(7)));
        Assert.Null(plain.Frames);

        store.Debug = new DebugHooks();
        var trap = Assert.Throws<WasmTrapException>(() => Call(store, inst, "run", WasmValue.I32(7)));
        Assert.Equal("integer divide by zero", trap.Reason);
        var frames = trap.Frames!;
        Assert.Equal(2, frames.Count);
        Assert.Equal(trap.WasmStack.Select(f => f.Pc), frames.Select(f => f.Pc));
        Assert.Equal(new[] { 7, 0, 9 }, frames[0].Locals.Select(l => l.AsI32));
        // The trapping i32.div_s had both operands; the caller had pushed 100 below the call's arguments.
        Assert.Equal(new ulong[] { 7, 0 }, frames[0].Operands);
        Assert.Equal(new[] { 7 }, frames[1].Locals.Select(l => l.AsI32));
        Assert.Equal(new ulong[] { 100 }, frames[1].Operands);
    }

    [Fact]
    public void Arguments_of_the_wrong_type_are_a_usage_error()
    {
        var store = new Store();
        var inst = Wat.Instantiate(store, @"(module (func (export ""f"") (param i32)))");
        var e = Assert.Throws<WasmException>(() => Call(store, inst, "f", WasmValue.I64(1)));
        Assert.Equal(WasmErrorKind.Usage, e.Kind);
    }
}
