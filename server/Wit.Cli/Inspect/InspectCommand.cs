using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using Wit.Cli.Json;
using Wit.Runtime;
using Wit.Runtime.Binary;
using Wit.Runtime.Component;

namespace Wit.Cli.Inspect;

/// <summary>
/// <c>wit inspect file.wasm [--format text|json]</c>: what a component or core module holds, statically. For a
/// component: imports and exports as WIT, the instance tree (core and component instances, what each instantiates
/// with which arguments), every core module's memories, tables, globals and data, the canonical functions, nested
/// components; and a warning when one instantiation creates more than one linear memory, with the count and the
/// address space they reserve. With <c>--live</c>, the component runs on the embedded engine (see <see cref="ExecuteLive"/>).
/// </summary>
public sealed class InspectCommand : CommandHandler
{
    /// <summary>The address space Wasmtime reserves for a 32-bit memory on a 64-bit host by default: 4 GiB plus a 2 GiB guard.</summary>
    public const ulong ReservationPerMemory = 6UL << 30;

    private const ulong PageSize = 65536;

    public InspectCommand(TextWriter output, TextWriter error, string workingDirectory)
        : base(output, error, workingDirectory)
    {
    }

    public static Command Create(TextWriter output, TextWriter error, string workingDirectory)
    {
        var file = new Argument<string>("file") { Description = "A component or core module (.wasm)" };
        var format = CommandArguments.Format("Output format: text or json", "text", "json");
        var live = new Option<bool>("--live") { Description = "Instantiate the component on the embedded engine and report its running state (memory and table sizes, handle tables, per-function realloc calls and bytes copied)" };
        var invoke = new Option<string[]>("--invoke") { Description = "With --live: call an export first, e.g. \"greet(\\\"x\\\")\" or \"wasi:cli/run@0.2.0#run()\" (repeatable)", HelpName = "NAME(ARGS)" };
        var command = new Command("inspect", "Show what a component or core module holds: instance tree, memories, tables, canonical functions, imports and exports") { file, format, live, invoke };
        var handler = new InspectCommand(output, error, workingDirectory);
        command.SetAction(result =>
        {
            var outputFormat = result.GetValue(format) == "json" ? OutputFormat.Json : OutputFormat.Text;
            string path = result.GetValue(file) ?? string.Empty;
            return result.GetValue(live)
                ? handler.ExecuteLive(path, result.GetValue(invoke) ?? Array.Empty<string>(), outputFormat)
                : handler.Execute(path, outputFormat);
        });
        return command;
    }

    public int Execute(string path, OutputFormat format)
    {
        if (ReadBytes(path) is not byte[] bytes || !TryBuild(path, () => Build(path, bytes), out var report))
        {
            return ExitCodes.UsageOrIoError;
        }
        Write(report, CliJsonContext.Output.InspectReport, Text, format);
        foreach (var w in report.Warnings)
        {
            Error.Write($"warning: {w}\n");
        }
        return ExitCodes.Success;
    }

    /// <summary>
    /// <c>--live</c>: runs the component on the embedded engine with the calls (<see cref="LiveInspect.Build"/>) and
    /// prints the report; a call that trapped makes the exit code <see cref="RunCommand.TrapExitCode"/>.
    /// </summary>
    public int ExecuteLive(string path, IReadOnlyList<string> calls, OutputFormat format)
    {
        // The guest's own output (a WASI program's stdout and stderr) goes to stderr: stdout is the report's.
        using var guestOutput = new TextWriterStream(Error);
        if (ReadBytes(path) is not byte[] bytes || !TryBuild(path, () => LiveInspect.Build(path, bytes, calls, guestOutput), out var report))
        {
            return ExitCodes.UsageOrIoError;
        }
        Write(report, CliJsonContext.Output.LiveReport, LiveInspect.Text, format);
        return report.Calls.Any(c => c.Trap != null) ? RunCommand.TrapExitCode : ExitCodes.Success;
    }

    private bool TryBuild<T>(string path, Func<T> build, out T report)
    {
        try
        {
            report = build();
            return true;
        }
        catch (WasmException e)
        {
            Error.Write($"error: {path}: {e.Message}\n");
            report = default!;
            return false;
        }
    }

    private void Write<T>(T report, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> json, Func<T, string> text, OutputFormat format)
    {
        if (format == OutputFormat.Json)
        {
            Output.Write(JsonSerializer.Serialize(report, json));
            Output.Write('\n');
        }
        else
        {
            Output.Write(text(report));
        }
    }

    public static InspectReport Build(string path, byte[] bytes)
    {
        if (ComponentDecoder.IsComponent(bytes))
        {
            var component = ComponentDecoder.Decode(bytes);
            var tree = CompositionNode.Build(component);
            var summary = Summary(tree.InstantiatedMemories, tree.MemoryList().Select(m => (m.Path, m.Memory)).ToList());
            return new InspectReport(path, "component", Component(tree), null, summary, Warnings(summary));
        }
        var module = ModuleDecoder.Decode(bytes);
        Wit.Runtime.Validation.ModuleValidator.Validate(module);
        var defined = Enumerable.Range(module.ImportedMemoryCount, CompositionNode.DefinedMemories(module))
            .Select(k => ($"memory {k}", module.Memories[k])).ToList();
        var moduleSummary = Summary(defined.Count, defined);
        return new InspectReport(path, "module", null, Module(module, null, 0, bytes.Length), moduleSummary, Warnings(moduleSummary));
    }

    private static MemorySummary Summary(long count, List<(string Path, MemoryType Memory)> memories)
    {
        ulong max = 0;
        foreach (var (_, m) in memories)
        {
            ulong bytes = (m.Limits.Max ?? 65536) * PageSize;
            max = max > ulong.MaxValue - bytes ? ulong.MaxValue : max + bytes;
        }
        ulong reserved = count > 0 && (ulong)count > ulong.MaxValue / ReservationPerMemory ? ulong.MaxValue : (ulong)count * ReservationPerMemory;
        return new MemorySummary(count, max, reserved, memories.Select(m => $"{m.Path}: {Pages(m.Memory.Limits)}").ToList());
    }

    private static List<string> Warnings(MemorySummary s)
    {
        var warnings = new List<string>();
        if (s.Count > 1)
        {
            warnings.Add($"this composition creates {s.Count} linear memories per instantiation; under Wasmtime's defaults they reserve " +
                $"{Size(s.ReservedBytes)} of address space (4 GiB + 2 GiB guard each), and their declared maximums add up to {Size(s.DeclaredMaximumBytes)}");
        }
        return warnings;
    }

    private static string Size(ulong bytes) => bytes >= 1UL << 30 && bytes % (1UL << 30) == 0 ? $"{bytes >> 30} GiB"
        : bytes >= 1UL << 20 ? $"{bytes / (double)(1UL << 20):0.#} MiB" : $"{bytes} bytes";

    private static string Pages(Limits l) => l.Max is ulong max ? $"{l.Min}..{max} pages" : $"{l.Min}.. pages (no maximum)";

    private static ComponentReport Component(CompositionNode node)
    {
        var c = node.Component;
        var modules = new List<ModuleReport>();
        for (int i = 0; i < node.Modules.Count; i++)
        {
            var m = node.Modules[i];
            // Report each defined module once, at its first index.
            if (m.Module != null && node.Modules.FindIndex(x => ReferenceEquals(x, m)) == i && c.Items.OfType<CoreModuleItem>().Any(x => ReferenceEquals(x.Module, m.Module)))
            {
                modules.Add(Module(m.Module, i, m.Offset, m.Module.Bytes.Length));
            }
        }
        var coreInstances = node.CoreInstances.Select(ci => new CoreInstanceReport(ci.Index,
            ci.Origin != null ? "alias" : ci.ModuleIndex != null ? "instantiate" : "exports", ci.ModuleIndex,
            ci.ModuleIndex != null
                ? ci.Args.Select(a => new ArgReport(a.Name, "core instance", a.Instance)).ToList()
                : ci.Exports.Select(e => new ArgReport(e.Name, SortName(e.Sort), e.Index)).ToList(),
            ci.Origin)).ToList();
        var instances = node.Instances.Select(i => new InstanceReport(i.Index,
            i.Origin == null ? (i.ComponentIndex != null ? "instantiate" : "exports") : i.Origin.StartsWith("import", StringComparison.Ordinal) ? "import" : "alias",
            i.ComponentIndex,
            (i.ComponentIndex != null ? i.Args : i.Exports).Select(a => new ArgReport(a.Name, SortName(a.Sort), a.Index)).ToList(),
            i.Origin)).ToList();
        var canons = c.Items.OfType<CanonItem>().Select(Canon).ToList();
        return new ComponentReport(c.Offset,
            c.Imports.Select(Extern).ToList(),
            c.Exports.Select(Extern).ToList(),
            modules, coreInstances, canons,
            node.Nested.Select(Component).ToList(),
            instances,
            node.InstantiatedMemories);
    }

    private static ExternReport Extern(NamedExtern e) => new(e.Name, e.Desc.Sort switch
    {
        ExternSort.CoreModule => "module",
        ExternSort.Func => "func",
        ExternSort.Type => "type",
        ExternSort.Component => "component",
        ExternSort.Instance => "instance",
        _ => "value",
    }, ComponentWit.Extern(e.Desc));

    private static CanonReport Canon(CanonItem c)
    {
        var o = c.Options;
        var opts = new List<string>();
        if (o.Encoding != StringEncoding.Utf8)
        {
            opts.Add(o.Encoding == StringEncoding.Utf16 ? "string-encoding=utf16" : "string-encoding=latin1+utf16");
        }
        if (o.Memory is int m) opts.Add($"memory {m}");
        if (o.Realloc is int r) opts.Add($"realloc core func {r}");
        if (o.PostReturn is int p) opts.Add($"post-return core func {p}");
        string options = opts.Count == 0 ? "" : $" ({string.Join(", ", opts)})";
        return c.Kind switch
        {
            CanonKind.Lift => new CanonReport("lift", $"core func {c.Index}{options} as {ComponentWit.Type(c.Type!)}"),
            CanonKind.Lower => new CanonReport("lower", $"func {c.Index}{options} to core {c.CoreType}"),
            CanonKind.ResourceNew => new CanonReport("resource.new", $"type {c.Index}"),
            CanonKind.ResourceDrop => new CanonReport("resource.drop", $"type {c.Index}"),
            _ => new CanonReport("resource.rep", $"type {c.Index}"),
        };
    }

    private static string SortName(Sort s) => SortNames.Of(s);

    private static ModuleReport Module(WasmModule m, int? index, int offset, int size)
    {
        var memories = new List<MemoryReport>();
        var tables = new List<TableReport>();
        int mem = 0, table = 0;
        foreach (var im in m.Imports)
        {
            if (im.Kind == ExternKind.Memory)
            {
                memories.Add(new MemoryReport(mem++, $"{im.Module}.{im.Name}", im.Memory!.Limits.Min, im.Memory.Limits.Max, false, false));
            }
            else if (im.Kind == ExternKind.Table)
            {
                tables.Add(new TableReport(table++, $"{im.Module}.{im.Name}", TypeNames.Of(im.Table!.Element), im.Table.Limits.Min, im.Table.Limits.Max));
            }
        }
        for (int k = m.ImportedMemoryCount; k < m.Memories.Count; k++)
        {
            memories.Add(new MemoryReport(k, null, m.Memories[k].Limits.Min, m.Memories[k].Limits.Max, false, false));
        }
        for (int k = m.ImportedTableCount; k < m.Tables.Count; k++)
        {
            tables.Add(new TableReport(k, null, TypeNames.Of(m.Tables[k].Element), m.Tables[k].Limits.Min, m.Tables[k].Limits.Max));
        }
        return new ModuleReport(index, offset, size, memories, tables,
            m.GlobalTypes.Count, m.GlobalTypes.Count(g => g.Mutable),
            m.Data.Count, m.Data.Sum(d => (long)d.DataLength),
            m.FunctionTypes.Count, m.ImportedFunctionCount,
            m.Imports.Select(i => $"{i.Module}.{i.Name}: {ImportKind(m, i)}").ToList(),
            m.Exports.Select(e => $"{e.Name}: {e.Kind.ToString().ToLowerInvariant()} {e.Index}").ToList());
    }

    private static string ImportKind(WasmModule m, Import i) => i.Kind switch
    {
        ExternKind.Func => $"func {m.Types[i.TypeIndex]}",
        ExternKind.Memory => $"memory {Pages(i.Memory!.Limits)}",
        ExternKind.Table => $"table {TypeNames.Of(i.Table!.Element)}",
        ExternKind.Tag => $"tag {m.Types[i.TypeIndex]}",
        _ => $"global {(i.Global.Mutable ? "mut " : "")}{TypeNames.Of(i.Global.Type)}",
    };

    // ---- text ----

    private static string Text(InspectReport r)
    {
        var sb = new StringBuilder();
        if (r.Module != null)
        {
            sb.Append($"core module {r.File} ({r.Module.Size} bytes)\n");
            ModuleText(sb, r.Module, "  ");
        }
        else
        {
            sb.Append($"component {r.File}\n");
            ComponentText(sb, r.Component!, "  ");
        }
        sb.Append($"memories per instantiation: {r.Memories.Count}");
        if (r.Memories.Count > 0)
        {
            sb.Append($" (declared maximums {Size(r.Memories.DeclaredMaximumBytes)}, reserved address space {Size(r.Memories.ReservedBytes)})");
        }
        sb.Append('\n');
        foreach (var m in r.Memories.Memories)
        {
            sb.Append($"  {m}\n");
        }
        return sb.ToString();
    }

    private static void ComponentText(StringBuilder sb, ComponentReport c, string indent)
    {
        foreach (var i in c.Imports)
        {
            sb.Append($"{indent}import {i.Name}: {i.Wit}\n");
        }
        foreach (var m in c.Modules)
        {
            sb.Append($"{indent}core module {m.Index} at 0x{m.Offset:x} ({m.Size} bytes)\n");
            ModuleText(sb, m, indent + "  ");
        }
        foreach (var ci in c.CoreInstances)
        {
            sb.Append($"{indent}core instance {ci.Index}: {InstanceText(ci.Kind, "module", ci.Module, ci.Args, ci.Origin)}\n");
        }
        foreach (var canon in c.Canons)
        {
            sb.Append($"{indent}canon {canon.Kind} {canon.Detail}\n");
        }
        for (int k = 0; k < c.Components.Count; k++)
        {
            sb.Append($"{indent}component definition at 0x{c.Components[k].Offset:x} ({c.Components[k].InstantiatedMemories} memories per instance)\n");
            ComponentText(sb, c.Components[k], indent + "  ");
        }
        foreach (var i in c.Instances)
        {
            sb.Append($"{indent}instance {i.Index}: {InstanceText(i.Kind, "component", i.Component, i.Args, i.Origin)}\n");
        }
        foreach (var e in c.Exports)
        {
            sb.Append($"{indent}export {e.Name}: {e.Wit}\n");
        }
    }

    private static string InstanceText(string kind, string what, int? index, IReadOnlyList<ArgReport> args, string? origin) => kind switch
    {
        "instantiate" => $"instantiate {what} {index}{(args.Count == 0 ? "" : $" with {Args(args)}")}",
        "exports" => $"exports {Args(args)}",
        _ => origin ?? "",
    };

    private static string Args(IReadOnlyList<ArgReport> args) => $"{{ {string.Join(", ", args.Select(a => $"{a.Name}: {a.Sort} {a.Index}"))} }}";

    private static void ModuleText(StringBuilder sb, ModuleReport m, string indent)
    {
        foreach (var mem in m.Memories)
        {
            string limits = mem.MaximumPages is ulong max ? $"{mem.InitialPages}..{max} pages" : $"{mem.InitialPages}.. pages (no maximum)";
            sb.Append($"{indent}memory {mem.Index}: {limits}{(mem.Memory64 ? ", 64-bit" : "")}{(mem.Shared ? ", shared" : "")}{(mem.Import != null ? $" (imported from {mem.Import})" : "")}\n");
        }
        foreach (var t in m.Tables)
        {
            string limits = t.Maximum is ulong max ? $"{t.Initial}..{max}" : $"{t.Initial}..";
            sb.Append($"{indent}table {t.Index}: {t.Element} {limits}{(t.Import != null ? $" (imported from {t.Import})" : "")}\n");
        }
        sb.Append($"{indent}{m.Functions} functions ({m.ImportedFunctions} imported), {m.Globals} globals ({m.MutableGlobals} mutable), {m.DataSegments} data segments ({m.DataBytes} bytes)\n");
        foreach (var i in m.Imports)
        {
            sb.Append($"{indent}import {i}\n");
        }
        foreach (var e in m.Exports)
        {
            sb.Append($"{indent}export {e}\n");
        }
    }
}
