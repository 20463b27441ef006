using System;
using System.Collections.Generic;
using System.Linq;
using Wit.Runtime.Execution;
using Xunit;

namespace Wit.Runtime.Tests;

/// <summary>Step into, over and out: where execution pauses next, by pc and frame depth.</summary>
public sealed class DebugStepTests
{
    /// <summary>$add(a, b); run = add(3, 4) + 1, in flat form so that the offsets are easy to count.</summary>
    private const string AddModule = @"(module
        (func $add (param i32 i32) (result i32) local.get 0 local.get 1 i32.add)
        (func $boom (unreachable))
        (func (export ""run"") (result i32) i32.const 3 i32.const 4 call $add i32.const 1 i32.add)
        (func (export ""trap"") (result i32) i32.const 1 call $boom i32.const 2 i32.add))";

    /// <summary>fact(n) = n == 0 ? 1 : n * fact(n - 1), recursive.</summary>
    private const string FactModule = @"(module
        (func $fact (export ""fact"") (param i32) (result i32)
          local.get 0
          i32.eqz
          if (result i32)
            i32.const 1
          else
            local.get 0
            local.get 0
            i32.const 1
            i32.sub
            call $fact
            i32.mul
          end))";

    private sealed record Stop(string? Function, int Pc, int Depth, ulong[] Operands);

    /// <summary>Hooks that record every pause and then run <paramref name="onPause"/> (the debugger's command).</summary>
    private static (DebugHooks Hooks, List<Stop> Stops) Debugger(Store store, Action<DebugHooks, PauseContext> onPause)
    {
        var stops = new List<Stop>();
        var hooks = new DebugHooks();
        hooks.OnPause = p =>
        {
            var top = p.Frames[0];
            stops.Add(new Stop(top.Function.Name, top.Pc, p.Frames.Count, top.Operands));
            onPause(hooks, p);
        };
        store.Debug = hooks;
        return (hooks, stops);
    }

    /// <summary>A debugger that runs <paramref name="step"/> at the pauses that match <paramref name="when"/>, and resumes plainly at the others.</summary>
    private static (DebugHooks Hooks, List<Stop> Stops) Debugger(Store store, Predicate<PauseContext> when, Action<DebugHooks> step) =>
        Debugger(store, (h, p) =>
        {
            if (when(p))
            {
                step(h);
            }
        });

    private static int Start(Instance inst, int function) => ((WasmFunction)inst.Functions[function]).Body.CodeStart;

    private static int Run(Store store, Instance inst, string name) => store.Invoke(inst.ExportedFunction(name)!)[0].AsI32;

    [Fact]
    public void Step_over_runs_a_call_to_completion_and_pauses_at_the_next_instruction_of_the_frame()
    {
        var store = new Store();
        var inst = Wat.Instantiate(store, AddModule);
        int run = Start(inst, 2), call = run + 4;
        var bytes = inst.Module.Bytes;
        Assert.Equal(0x10, bytes[call]);
        var (hooks, stops) = Debugger(store, (h, _) => h.StepOver());
        hooks.AddBreakpoint(call);
        Assert.Equal(8, Run(store, inst, "run"));
        // call, i32.const 1, i32.add, end: never inside $add.
        Assert.Equal(new[] { call, run + 6, run + 8, run + 9 }, stops.Select(s => s.Pc));
        Assert.All(stops, s => Assert.Equal(1, s.Depth));
        Assert.Equal(new byte[] { 0x10, 0x41, 0x6A, 0x0B }, stops.Select(s => bytes[s.Pc]));
        Assert.Equal(new ulong[] { 7 }, stops[1].Operands);
    }

    [Fact]
    public void Step_over_a_recursive_call_does_not_pause_in_the_same_function_deeper()
    {
        var store = new Store();
        var inst = Wat.Instantiate(store, FactModule);
        var bytes = inst.Module.Bytes;
        int call = Enumerable.Range(Start(inst, 0), 30).First(pc => bytes[pc] == 0x10);
        var (hooks, stops) = Debugger(store, (h, _) =>
        {
            h.RemoveBreakpoint(call);
            h.StepOver();
        });
        hooks.AddBreakpoint(call);
        Assert.Equal(6, store.Invoke(inst.ExportedFunction("fact")!, WasmValue.I32(3))[0].AsI32);
        // The call in fact(3), then i32.mul, the if's end and the function's end, all in the outermost frame.
        Assert.Equal(new[] { call, call + 2, call + 3, call + 4 }, stops.Select(s => s.Pc));
        Assert.All(stops, s => Assert.Equal(1, s.Depth));
        Assert.Equal(new ulong[] { 3, 2 }, stops[1].Operands);
    }

    [Fact]
    public void Step_over_the_last_instruction_of_a_callee_pauses_after_the_call_in_the_caller()
    {
        var store = new Store();
        var inst = Wat.Instantiate(store, AddModule);
        int run = Start(inst, 2), addEnd = Start(inst, 0) + 5;
        Assert.Equal(0x0B, inst.Module.Bytes[addEnd]);
        var (hooks, stops) = Debugger(store, p => p.Frames.Count == 2, h => h.StepOver());
        hooks.AddBreakpoint(addEnd);
        Assert.Equal(8, Run(store, inst, "run"));
        Assert.Equal(new[] { (addEnd, 2), (run + 6, 1) }, stops.Select(s => (s.Pc, s.Depth)));
    }

    [Fact]
    public void Step_out_pauses_after_the_call_in_the_caller()
    {
        var store = new Store();
        var inst = Wat.Instantiate(store, AddModule);
        int run = Start(inst, 2), add = Start(inst, 0);
        var (hooks, stops) = Debugger(store, p => p.Frames.Count == 2, h => h.StepOut());
        hooks.AddBreakpoint(add);
        Assert.Equal(8, Run(store, inst, "run"));
        Assert.Equal(new[] { (add, 2), (run + 6, 1) }, stops.Select(s => (s.Pc, s.Depth)));
        Assert.Equal(new ulong[] { 7 }, stops[1].Operands);
    }

    [Fact]
    public void Step_out_of_a_recursive_frame_pauses_one_frame_up_not_in_the_outermost()
    {
        var store = new Store();
        var inst = Wat.Instantiate(store, FactModule);
        var bytes = inst.Module.Bytes;
        int start = Start(inst, 0);
        // The base case's i32.const 1 (after local.get 0, i32.eqz, if with its block type), reached in fact(0).
        int baseCase = start + 5, mul = Enumerable.Range(start, 30).First(pc => bytes[pc] == 0x10) + 2;
        Assert.Equal(0x41, bytes[baseCase]);
        Assert.Equal(0x6C, bytes[mul]);
        var (hooks, stops) = Debugger(store, p => p.Frames[0].Pc == baseCase, h => h.StepOut());
        hooks.AddBreakpoint(baseCase);
        Assert.Equal(6, store.Invoke(inst.ExportedFunction("fact")!, WasmValue.I32(3))[0].AsI32);
        // fact(3) → fact(2) → fact(1) → fact(0): the base case at depth 4, then the multiply in fact(1) at depth 3.
        Assert.Equal(new[] { (baseCase, 4), (mul, 3) }, stops.Select(s => (s.Pc, s.Depth)));
        Assert.Equal(new ulong[] { 1, 1 }, stops[1].Operands);
    }

    [Fact]
    public void Step_out_or_over_the_end_of_the_entry_function_ends_with_the_invocation()
    {
        var store = new Store();
        var inst = Wat.Instantiate(store, AddModule);
        int run = Start(inst, 2), end = run + 9;
        bool stepOut = true;
        var (hooks, stops) = Debugger(store, (h, _) =>
        {
            if (stepOut)
            {
                h.StepOut();
            }
            else
            {
                h.StepOver();
            }
        });
        hooks.AddBreakpoint(run);
        Assert.Equal(8, Run(store, inst, "run"));
        Assert.Equal(new[] { run }, stops.Select(s => s.Pc));

        hooks.RemoveBreakpoint(run);
        hooks.AddBreakpoint(end);
        stepOut = false;
        Assert.Equal(8, Run(store, inst, "run"));
        Assert.Equal(new[] { run, end }, stops.Select(s => s.Pc));
        // The step ended with its invocation: the next one runs without pausing.
        hooks.RemoveBreakpoint(end);
        Assert.Equal(8, Run(store, inst, "run"));
        Assert.Equal(2, stops.Count);
    }

    [Fact]
    public void A_breakpoint_inside_a_stepped_over_call_pauses_and_ends_the_step()
    {
        var store = new Store();
        var inst = Wat.Instantiate(store, AddModule);
        int run = Start(inst, 2), call = run + 4, addOp = Start(inst, 0) + 4;
        Assert.Equal(0x6A, inst.Module.Bytes[addOp]);
        var (hooks, stops) = Debugger(store, p => p.Frames[0].Pc == call, h => h.StepOver());
        hooks.AddBreakpoint(call);
        hooks.AddBreakpoint(addOp);
        Assert.Equal(8, Run(store, inst, "run"));
        // The breakpoint in $add pauses; the debugger resumes without a step, so nothing pauses after the call.
        Assert.Equal(new[] { (call, 1), (addOp, 2) }, stops.Select(s => (s.Pc, s.Depth)));
        Assert.Equal(new ulong[] { 3, 4 }, stops[1].Operands);
    }

    [Fact]
    public void A_trap_during_step_over_propagates_and_ends_the_step()
    {
        var store = new Store();
        var inst = Wat.Instantiate(store, AddModule);
        int trap = Start(inst, 3), call = trap + 2;
        Assert.Equal(0x10, inst.Module.Bytes[call]);
        var (hooks, stops) = Debugger(store, (h, _) => h.StepOver());
        hooks.AddBreakpoint(call);
        var e = Assert.Throws<WasmTrapException>(() => Run(store, inst, "trap"));
        Assert.Equal("unreachable", e.Reason);
        Assert.Equal(new[] { "boom", null }, e.WasmStack.Select(f => f.FunctionName));
        Assert.Equal(new[] { call }, stops.Select(s => s.Pc));
        Assert.False(hooks.IsPaused);
        // No step is left over for the next invocation.
        Assert.Equal(8, Run(store, inst, "run"));
        Assert.Single(stops);
    }

    [Fact]
    public void Step_into_pauses_at_the_first_instruction_of_the_callee()
    {
        var store = new Store();
        var inst = Wat.Instantiate(store, AddModule);
        int call = Start(inst, 2) + 4, add = Start(inst, 0);
        var (hooks, stops) = Debugger(store, p => p.Frames[0].Pc == call, h => h.StepInto());
        hooks.AddBreakpoint(call);
        Assert.Equal(8, Run(store, inst, "run"));
        Assert.Equal(new[] { (call, 1), (add, 2) }, stops.Select(s => (s.Pc, s.Depth)));
    }

    [Fact]
    public void Stepping_while_not_paused_is_a_clear_error()
    {
        var hooks = new DebugHooks();
        var e = Assert.Throws<InvalidOperationException>(hooks.StepOver);
        Assert.Contains("paused", e.Message);
        Assert.Throws<InvalidOperationException>(hooks.StepOut);
        Assert.Throws<InvalidOperationException>(hooks.StepInto);
    }
}
