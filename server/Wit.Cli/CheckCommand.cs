using System;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Text.Json;
using Wit.Cli.Json;
using Wit.Core.Diagnostics;
using Wit.Core.Semantics;

namespace Wit.Cli;

/// <summary>
/// <c>wit check &lt;path&gt; [--features a,b] [--all-features] [--format text|json]</c>: loads a package root (a
/// <c>.wit</c> file, or a directory with its <c>deps/</c>), resolves it, prints every syntax and resolution
/// diagnostic in the order wit-parser would meet them on standard output and a one-line summary on standard error.
/// </summary>
public sealed class CheckCommand : CommandHandler
{
    /// <summary>Creates the command's handler, writing to the given writers.</summary>
    public CheckCommand(TextWriter output, TextWriter error, string workingDirectory)
        : base(output, error, workingDirectory)
    {
    }

    /// <summary>The command-line definition, bound to an instance writing to the given writers.</summary>
    public static Command Create(TextWriter output, TextWriter error, string workingDirectory)
    {
        var path = CommandArguments.PackageRoot();
        var format = CommandArguments.Format("How to print diagnostics: text (rustc style) or json", "text", "json");
        var timings = CommandArguments.Timings("read, parse, resolve, output");
        var command = new Command("check", "Resolve a WIT package with its dependencies and report every error") { path, format, timings };
        var features = FeatureOptions.AddTo(command);
        var handler = new CheckCommand(output, error, workingDirectory);
        command.SetAction(result => handler.Execute(
            result.GetValue(path) ?? string.Empty,
            features.ToResolveOptions(result),
            result.GetValue(format) == "json" ? OutputFormat.Json : OutputFormat.Text,
            result.GetValue(timings)));
        return command;
    }

    /// <summary>Runs the command and returns its exit code (see <see cref="ExitCodes"/>).</summary>
    /// <param name="timings">Print where the time went on standard error, before the summary (<see cref="PhaseTimings"/>).</param>
    public int Execute(string path, ResolveOptions options, OutputFormat format, bool timings = false)
    {
        var phases = timings ? new PhaseTimings() : null;
        if (WitxInput.Documents(path, WorkingDirectory) is { Count: > 0 } documents)
        {
            NoteWitxNotTimed(timings, path);
            return ExecuteWitx(path, documents, format);
        }

        WorkspaceInput? input;
        try
        {
            input = WorkspaceInput.Load(path, WorkingDirectory, options, Error, "check", batch: true, phases);
        }
        catch (Exception e)
        {
            // Loading and resolving never throw by contract; if they do, say so rather than print a stack trace.
            Error.Write($"error: internal error while checking '{path}': {e.GetType().Name}: {e.Message}\n");
            return ExitCodes.InternalError;
        }

        if (input is null) return ExitCodes.UsageOrIoError;

        phases?.Start();
        if (format == OutputFormat.Json)
        {
            Output.Write(JsonSerializer.Serialize(CheckReportBuilder.Create(input), CliJsonContext.Output.CheckReport));
            Output.Write('\n');
        }
        else
        {
            // At most DiagnosticLimit.PerFile diagnostics of a file, then how many more (JSON has all).
            foreach (var diagnostic in DiagnosticLimit.CapPerDocument(input.Model.Diagnostics))
            {
                Output.Write(DiagnosticRenderer.Render(diagnostic));
                Output.Write('\n');
            }
        }

        WriteTimings(phases);

        Error.Write(Summary(input.FileCount, input.ErrorCount, input.WarningCount) + "\n");
        if (input.HasReadErrors) return ExitCodes.UsageOrIoError;
        return input.ErrorCount > 0 ? ExitCodes.DiagnosticErrors : ExitCodes.Success;
    }

    /// <summary>
    /// WITX documents (a <c>.witx</c> file or a folder of them): parsed, their <c>use</c>s loaded, validated (WITX0xxx
    /// and WITX1xxx diagnostics).
    /// </summary>
    private int ExecuteWitx(string path, System.Collections.Generic.IReadOnlyList<string> documents, OutputFormat format)
    {
        WitxInput? input;
        try
        {
            input = WitxInput.Load(path, documents, WorkingDirectory, Error);
        }
        catch (Exception e)
        {
            // The command's top-level guard: the library never throws by contract; if it does, exit with
            // InternalError and a one-line message rather than a stack trace.
            Error.Write($"error: internal error while checking '{path}': {e.GetType().Name}: {e.Message}\n");
            return ExitCodes.InternalError;
        }

        if (input is null) return ExitCodes.UsageOrIoError;
        int errors = 0, warnings = 0;
        foreach (var diagnostic in input.Diagnostics)
        {
            if (diagnostic.Severity == Wit.Core.Diagnostics.DiagnosticSeverity.Error) errors++;
            else if (diagnostic.Severity == Wit.Core.Diagnostics.DiagnosticSeverity.Warning) warnings++;
            if (format == OutputFormat.Text) Output.Write(DiagnosticRenderer.Render(diagnostic) + "\n");
        }

        if (format == OutputFormat.Json)
        {
            Output.Write(JsonSerializer.Serialize(CheckReportBuilder.Create(path, input.Diagnostics, input.FileCount), CliJsonContext.Output.CheckReport));
            Output.Write('\n');
        }

        Error.Write(Summary(input.FileCount, errors, warnings) + "\n");
        return errors > 0 ? ExitCodes.DiagnosticErrors : ExitCodes.Success;
    }

    /// <summary>The last line on standard error, e.g. <c>checked 12 files: 0 errors</c>.</summary>
    public static string Summary(int files, int errors, int warnings)
    {
        string summary = $"checked {Plural(files, "file")}: {Plural(errors, "error")}";
        return warnings > 0 ? $"{summary}, {Plural(warnings, "warning")}" : summary;
    }

    private static string Plural(int count, string noun) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + (count == 1 ? noun : noun + "s");
}
