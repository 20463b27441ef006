using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Wit.Runtime;
using Wit.Runtime.Component;
using Wit.Runtime.Wasi;
using Wit.Runtime.Wasi.Preview2;

namespace Wit.Cli.Inspect;

/// <summary>
/// <c>wit inspect --live</c>: instantiates a component on the embedded engine with the WASI 0.2 host linked (no
/// arguments but the file's name, no environment, empty stdin, no preopens; the guest's stdout and stderr go where the
/// caller says, never into the report), makes each call, and reports the results and the live facts. A trap in a call
/// is reported with it and ends the calls, as does the program's exit (<c>wasi:cli/exit</c>); the facts are those
/// after it. A call of an exported interface function may name another semver-compatible version of the interface
/// (<c>wasi:cli/run@0.2.0#run()</c> calls the <c>run</c> of an exported <c>wasi:cli/run@0.2.3</c>).
/// </summary>
public static class LiveInspect
{
    /// <summary>The report; a component that does not decode or link, or a call that cannot be read, throws <see cref="WasmException"/>.</summary>
    public static LiveReport Build(string path, byte[] bytes, IReadOnlyList<string> calls, Stream guestOutput)
    {
        if (!ComponentDecoder.IsComponent(bytes))
        {
            throw new WasmException(WasmErrorKind.Usage, -1, "--live runs components only");
        }

        var linker = new ComponentLinker();
        using var wasi = WasiPreview2.AddTo(linker, new WasiPreview2Options
        {
            Arguments = new List<string> { Path.GetFileName(path) },
            Stdout = guestOutput,
            Stderr = guestOutput,
        });
        var instance = ComponentInstantiator.Instantiate(ComponentDecoder.Decode(bytes), linker);
        var made = new List<LiveCallReport>();
        foreach (var call in calls)
        {
            var (name, argumentText) = InvokeSyntax.Split(call);
            var function = Function(instance, name);
            var arguments = InvokeSyntax.Arguments(argumentText, function.Type);
            try
            {
                var result = function.Invoke(arguments);
                made.Add(new LiveCallReport(call, result is not null && function.Type.Result is { } type ? InvokeSyntax.Format(result, type) : "()", null));
            }
            catch (WasiExitException exit)
            {
                made.Add(new LiveCallReport(call, $"exit({exit.ExitCode})", null));
                break;
            }
            catch (WasmException e) when (e.Kind is WasmErrorKind.Trap or WasmErrorKind.Exhaustion or WasmErrorKind.Limit)
            {
                made.Add(new LiveCallReport(call, null, e.Message));
                break;
            }
        }

        guestOutput.Flush();
        return new LiveReport(path, made, LiveInstanceFacts.Of(instance));
    }

    /// <summary>The export <paramref name="name"/>, or the same function of an exported interface of a semver-compatible version.</summary>
    private static ComponentFunction Function(ComponentInstance instance, string name)
    {
        int hash = name.LastIndexOf('#');
        if (hash > 0 && !instance.Exports.ContainsKey(name[..hash]))
        {
            foreach (var exported in instance.Exports.Keys)
            {
                if (ComponentLinker.Matches(name[..hash], exported)) return instance.GetFunction(exported + name[hash..]);
            }
        }

        return instance.GetFunction(name);
    }

    /// <summary>The report as text: the calls, then the instance tree (core instances, handles, functions' costs), then the memory count.</summary>
    public static string Text(LiveReport report)
    {
        var sb = new StringBuilder();
        foreach (var call in report.Calls)
        {
            sb.Append(call.Trap is { } trap ? $"{call.Call} trapped: {trap}\n" : $"{call.Call} = {call.Result}\n");
        }

        var stack = new Stack<(LiveInstanceFacts Facts, int Depth)>();
        stack.Push((report.Instance, 0));
        while (stack.Count > 0)
        {
            var (facts, depth) = stack.Pop();
            string indent = new(' ', depth * 2);
            sb.Append($"{indent}instance {facts.Name}\n");
            foreach (var core in facts.CoreInstances)
            {
                sb.Append($"{indent}  core instance {core.Index}: memories [{string.Join(", ", core.MemoryPages.Select(p => $"{p} pages"))}], tables [{string.Join(", ", core.TableSizes)}], {core.Globals} globals\n");
            }

            foreach (var h in facts.Handles)
            {
                sb.Append($"{indent}  handles of {h.Resource}: {h.Owned} owned, {h.Borrowed} borrowed\n");
            }

            foreach (var f in facts.Functions)
            {
                sb.Append($"{indent}  func {f.Name}: {Cost(f)}\n");
            }

            foreach (var f in facts.ImportedFunctions)
            {
                sb.Append($"{indent}  import {f.Name}: {Cost(f)}\n");
            }

            for (int i = facts.Children.Count - 1; i >= 0; i--) stack.Push((facts.Children[i], depth + 1));
        }

        sb.Append($"memories: {report.Instance.MemoryCount}\n");
        return sb.ToString();
    }

    private static string Cost(LiveFunctionCost f) => $"{f.Calls} calls, {f.ReallocCalls} realloc calls ({f.ReallocBytes} bytes), {f.BytesCopied} bytes copied";

}
