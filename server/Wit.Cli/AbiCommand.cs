using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Text.Json;
using Wit.Cli.Abi;
using Wit.Cli.Json;
using Wit.Core.Abi;
using Wit.Core.Semantics;

namespace Wit.Cli;

/// <summary>
/// <c>wit abi &lt;path&gt; (--type IFACE.TYPE | --func IFACE.FUNC | --world W) [--memory64] [--features a,b]
/// [--all-features] [--format text|json]</c>: resolves a package root and prints what the Canonical ABI makes of
/// one type (size, alignment, flat types, field offsets, discriminant), one function (its five core signatures and
/// what a call costs in each direction) or one world (the core imports and exports of a module targeting it).
/// </summary>
public sealed class AbiCommand : CommandHandler
{
    /// <summary>Creates the command's handler, writing to the given writers.</summary>
    public AbiCommand(TextWriter output, TextWriter error, string workingDirectory)
        : base(output, error, workingDirectory)
    {
    }

    /// <summary>The command-line definition, bound to an instance writing to the given writers.</summary>
    public static Command Create(TextWriter output, TextWriter error, string workingDirectory)
    {
        var path = CommandArguments.PackageRoot();
        var type = new Option<string>("--type") { Description = "Lay out this type: IFACE.TYPE, ns:pkg/iface.TYPE or WORLD.TYPE", HelpName = "IFACE.TYPE" };
        var func = new Option<string>("--func") { Description = "Show the core signatures and costs of this function: IFACE.FUNC (resource functions as r.f) or WORLD.FUNC", HelpName = "IFACE.FUNC" };
        var world = new Option<string>("--world") { Description = "List the core imports and exports of a module targeting this world", HelpName = "WORLD" };
        var memory64 = new Option<bool>("--memory64") { Description = "Lay out for a 64-bit memory (8-byte pointers and lengths)" };
        var format = CommandArguments.Format("Output format: text or json", "text", "json");
        var command = new Command("abi", "Show the Canonical ABI of a type, function or world: layout, core signatures and per-call costs")
        {
            path, type, func, world, memory64, format,
        };
        var features = FeatureOptions.AddTo(command);
        command.Validators.Add(result =>
        {
            int given = (result.GetResult(type) is null ? 0 : 1) + (result.GetResult(func) is null ? 0 : 1) + (result.GetResult(world) is null ? 0 : 1);
            if (given != 1) result.AddError("give exactly one of --type, --func or --world");
        });
        var handler = new AbiCommand(output, error, workingDirectory);
        command.SetAction(result =>
        {
            var (kind, name) = result.GetValue(type) is { } t ? (AbiTargetKind.Type, t)
                : result.GetValue(func) is { } f ? (AbiTargetKind.Function, f)
                : (AbiTargetKind.World, result.GetValue(world) ?? string.Empty);
            return handler.Execute(
                result.GetValue(path) ?? string.Empty,
                kind,
                name,
                result.GetValue(memory64),
                features.ToResolveOptions(result),
                result.GetValue(format) == "json" ? OutputFormat.Json : OutputFormat.Text);
        });
        return command;
    }

    /// <summary>Runs the command and returns its exit code (see <see cref="ExitCodes"/>).</summary>
    public int Execute(string path, AbiTargetKind kind, string name, bool memory64, ResolveOptions options, OutputFormat format)
    {
        try
        {
            return Run(path, kind, name, memory64, options, format);
        }
        catch (Exception e)
        {
            // Resolving and the ABI engine never throw by contract; if they do, say so rather than print a stack trace.
            Error.Write($"error: internal error while computing the ABI of '{name}' in '{path}': {e.GetType().Name}: {e.Message}\n");
            return ExitCodes.InternalError;
        }
    }

    private int Run(string path, AbiTargetKind kind, string name, bool memory64, ResolveOptions options, OutputFormat format)
    {
        if (InputProblems.IsWitx(path) && new RelativeFileSystem(WorkingDirectory).FileExists(path)) return RunWitx(path, kind, name, memory64, format);
        var input = WorkspaceInput.Load(path, WorkingDirectory, options, Error, "abi");
        if (input is null) return ExitCodes.UsageOrIoError;
        if (input.ErrorCount > 0)
        {
            // Layouts of a model with errors would describe error symbols; the diagnostics are the useful answer.
            foreach (var diagnostic in input.Model.Diagnostics)
            {
                Error.Write(DiagnosticRenderer.Render(diagnostic));
                Error.Write('\n');
            }

            Error.Write(CheckCommand.Summary(input.FileCount, input.ErrorCount, input.WarningCount) + "\n");
            return input.HasReadErrors ? ExitCodes.UsageOrIoError : ExitCodes.DiagnosticErrors;
        }

        var finder = new AbiTargetFinder(PackageLookup.For(input.Workspace, input.Model));
        if (finder.Find(kind, name, out string lookupError) is not { } target)
        {
            Error.Write($"error: {lookupError}\n");
            return ExitCodes.UsageOrIoError;
        }

        var abi = new CanonicalAbi(memory64);
        var report = new AbiReport { Path = input.Path.Replace('\\', '/'), Memory = memory64 ? "memory64" : "memory32" };
        string problem = string.Empty;
        if (target.Type is { } type) report.Type = AbiTypeReportBuilder.Create(target.DisplayName, type, abi, out problem);
        else if (target.Function is { } function) report.Function = AbiFunctionReportBuilder.Create(target.DisplayName, function, abi, out problem);
        else if (target.World is { } world) report.World = AbiWorldReportBuilder.Create(target.DisplayName, world, abi);
        if (report.Type is null && report.Function is null && report.World is null)
        {
            Error.Write($"error: `{target.DisplayName}` has no Canonical ABI layout: {problem}\n");
            return ExitCodes.DiagnosticErrors;
        }

        if (format == OutputFormat.Json)
        {
            Output.Write(JsonSerializer.Serialize(report, CliJsonContext.Output.AbiReport));
            Output.Write('\n');
        }
        else
        {
            Output.Write(AbiTextRenderer.Render(report));
        }

        return ExitCodes.Success;
    }

    /// <summary>A WITX document: the witx ABI of a typename or of a module's function, as text.</summary>
    private int RunWitx(string path, AbiTargetKind kind, string name, bool memory64, OutputFormat format)
    {
        string? unsupported = kind == AbiTargetKind.World ? "WITX has no worlds: give --type NAME or --func MODULE.FUNC"
            : memory64 ? "WITX has one 32-bit memory: --memory64 does not apply"
            : format == OutputFormat.Json ? "--format json describes WIT's Canonical ABI; for WITX use the text output"
            : null;
        if (unsupported is not null)
        {
            Error.Write($"error: {unsupported}\n");
            return ExitCodes.UsageOrIoError;
        }

        var input = WitxInput.Load(path, new[] { path }, WorkingDirectory, Error);
        if (input is null) return ExitCodes.UsageOrIoError;
        int errors = input.Diagnostics.Count(d => d.Severity == Wit.Core.Diagnostics.DiagnosticSeverity.Error);
        if (errors > 0)
        {
            // As for WIT: layouts of a document with errors would describe error types; the diagnostics are the answer.
            foreach (var diagnostic in input.Diagnostics) Error.Write(DiagnosticRenderer.Render(diagnostic) + "\n");
            Error.Write(CheckCommand.Summary(input.FileCount, errors, input.Diagnostics.Count - errors) + "\n");
            return ExitCodes.DiagnosticErrors;
        }

        string? text = kind == AbiTargetKind.Type ? WitxAbiText.Type(input.Models[0], name, out string problem) : WitxAbiText.Function(input.Models[0], name, out problem);
        if (text is null)
        {
            Error.Write($"error: {problem}\n");
            return ExitCodes.UsageOrIoError;
        }

        Output.Write(text);
        return ExitCodes.Success;
    }
}
