using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Wit.Runtime;
using Wit.Runtime.Component;

namespace Wit.Cli.Inspect;

/// <summary>
/// <c>wit inspect --live</c>: instantiates a component on the embedded engine (imports from the host's
/// <see cref="ComponentLinker"/>, empty so far: a component with imports is reported unlinkable), makes each call, and
/// reports the results and the live facts. A trap in a call is reported with it and ends the calls; the facts are
/// those after it.
/// </summary>
public static class LiveInspect
{
    /// <summary>The report; a component that does not decode or link, or a call that cannot be read, throws <see cref="WasmException"/>.</summary>
    public static LiveReport Build(string path, byte[] bytes, IReadOnlyList<string> calls)
    {
        if (!ComponentDecoder.IsComponent(bytes))
        {
            throw new WasmException(WasmErrorKind.Usage, -1, "--live runs components only");
        }

        var instance = ComponentInstantiator.Instantiate(ComponentDecoder.Decode(bytes), new ComponentLinker());
        var made = new List<LiveCallReport>();
        foreach (var call in calls)
        {
            var (name, argumentText) = InvokeSyntax.Split(call);
            var function = instance.GetFunction(name);
            var arguments = InvokeSyntax.Arguments(argumentText, function.Type);
            try
            {
                var result = function.Invoke(arguments);
                made.Add(new LiveCallReport(call, result?.ToString() ?? "()", null));
            }
            catch (WasmException e) when (e.Kind is WasmErrorKind.Trap or WasmErrorKind.Exhaustion or WasmErrorKind.Limit)
            {
                made.Add(new LiveCallReport(call, null, e.Message));
                break;
            }
        }

        return new LiveReport(path, made, LiveInstanceFacts.Of(instance));
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
                sb.Append($"{indent}  func {f.Name}: {f.Calls} calls, {f.ReallocCalls} realloc calls ({f.ReallocBytes} bytes), {f.BytesCopied} bytes copied\n");
            }

            for (int i = facts.Children.Count - 1; i >= 0; i--) stack.Push((facts.Children[i], depth + 1));
        }

        sb.Append($"memories: {report.Instance.MemoryCount}\n");
        return sb.ToString();
    }

}
