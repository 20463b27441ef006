using System;
using System.Collections.Generic;
using Wit.Core.Semantics;
using Wit.Runtime.Execution;

namespace Wit.Runtime.Canonical;

/// <summary>A synchronous call across the component boundary: its parameter types, its result type (if any) and the canonical options and instance of the guest side.</summary>
public sealed record CanonicalFunction(IReadOnlyList<WitType> Parameters, WitType? Result, CanonicalOptions Options, CanonicalInstance Instance, Func<TypeDefinition, ResourceType>? Resources = null);

/// <summary>
/// <c>canon lift</c> and <c>canon lower</c> for synchronous functions: the steps around the core call that the
/// instantiation wires to its engine (the core function, realloc and post-return are delegates it provides).
/// </summary>
public static class CanonicalCalls
{
    /// <summary>
    /// <c>canon lift</c>: calls the guest's core function <paramref name="callee"/> as a component function. The
    /// arguments are lowered into the guest (spilled through realloc past 16 flat values), the result lifted (through
    /// the pointer the guest returns past one), the call's borrows must all be dropped by then, and post-return runs
    /// with the flat results.
    /// </summary>
    public static ComponentValue? CallLifted(CanonicalCodec codec, CanonicalFunction function, Func<WasmValue[], WasmValue[]> callee, IReadOnlyList<ComponentValue> arguments)
    {
        var task = new CallTask();
        var cx = new LiftLowerContext(function.Options, function.Instance, function.Resources, task: task);
        var flatArguments = codec.LowerFlatValues(cx, CanonicalCodec.MaxFlatParams, arguments, function.Parameters);
        var flatResults = callee(flatArguments);
        ComponentValue? result = null;
        if (function.Result is { } resultType)
        {
            var reader = new FlatReader(flatResults);
            result = codec.LiftFlatValues(cx, CanonicalCodec.MaxFlatResults, reader, new[] { resultType })[0];
            if (!reader.Done) throw new WasmException(WasmErrorKind.Usage, -1, "the core function returned more values than its result flattens to");
        }
        else if (flatResults.Length != 0)
        {
            throw new WasmException(WasmErrorKind.Usage, -1, "the core function returned values for a function without a result");
        }

        task.Return();
        if (function.Options.PostReturn is { } postReturn)
        {
            function.Instance.MayLeave = false;
            try
            {
                postReturn(flatResults);
            }
            finally
            {
                function.Instance.MayLeave = true;
            }
        }

        return result;
    }

    /// <summary>
    /// <c>canon lower</c>: the guest calls <paramref name="callee"/> (the host, or another instance's lifted function)
    /// with flat core values. The arguments are lifted (from the pointer the guest passes past 16 flat values; borrows
    /// are lent for the call), the result lowered (to the return pointer after the arguments past one flat value),
    /// and the lent handles are given back.
    /// </summary>
    public static WasmValue[] CallLowered(CanonicalCodec codec, CanonicalFunction function, Func<ComponentValue[], ComponentValue?> callee, WasmValue[] flatArguments)
    {
        function.Instance.CheckMayLeave();
        var subtask = new CallSubtask();
        var cx = new LiftLowerContext(function.Options, function.Instance, function.Resources, subtask: subtask);
        var reader = new FlatReader(flatArguments);
        var arguments = codec.LiftFlatValues(cx, CanonicalCodec.MaxFlatParams, reader, function.Parameters);
        var result = callee(arguments);
        WasmValue[] flatResults = Array.Empty<WasmValue>();
        if (function.Result is { } resultType)
        {
            var value = result ?? throw new WasmException(WasmErrorKind.Usage, -1, "the callee returned no value for a function with a result");
            flatResults = codec.LowerFlatValues(cx, CanonicalCodec.MaxFlatResults, new[] { value }, new[] { resultType }, reader);
        }

        if (!reader.Done) throw new WasmException(WasmErrorKind.Usage, -1, "the guest passed more core values than the function's parameters take");
        subtask.Resolve();
        return flatResults;
    }
}
