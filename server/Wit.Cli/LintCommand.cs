using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using Wit.Cli.Json;
using Wit.Core.Diagnostics;
using Wit.Core.Lint;
using Wit.Core.Semantics;
using Wit.Core.Workspace;
using Wit.Ide.Configuration;

namespace Wit.Cli;

/// <summary>
/// <c>wit lint &lt;path&gt; [--features a,b] [--all-features] [--format text|json|sarif|github] [--deny-warnings]
/// [--profile default|strict]</c>: checks a package root like <c>wit check</c>, then runs the <c>WIT2xxx</c> lint rules
/// over the root package, configured by the nearest <c>.witlint.json</c> (<c>--profile</c> replaces its profile and
/// keeps its per-rule levels). Exit 0 clean, 1 errors (or warnings with
/// <c>--deny-warnings</c>), 2 usage or I/O errors (including a bad configuration file).
/// </summary>
public sealed class LintCommand : CommandHandler
{
    /// <summary>Creates the command's handler, writing to the given writers.</summary>
    public LintCommand(TextWriter output, TextWriter error, string workingDirectory)
        : base(output, error, workingDirectory)
    {
    }

    /// <summary>The command-line definition, bound to an instance writing to the given writers.</summary>
    public static Command Create(TextWriter output, TextWriter error, string workingDirectory)
    {
        var path = CommandArguments.PackageRoot();
        var format = CommandArguments.Format("How to print diagnostics: text (rustc style), json, sarif (SARIF 2.1.0) or github (workflow annotations)", "text", "json", "sarif", "github");
        var denyWarnings = new Option<bool>("--deny-warnings") { Description = "Exit with 1 when there are warnings" };
        var profile = new Option<string?>("--profile")
        {
            Description = "The rule set: default (quiet on a well-kept package) or strict (adds docs on every item and a gate on every member); overrides .witlint.json's profile",
        };
        profile.AcceptOnlyFromAmong("default", "strict");
        var timings = CommandArguments.Timings("read, parse, resolve, lint, output");
        var command = new Command("lint", "Check a WIT package and report style, documentation and Canonical ABI cost lints") { path, format, denyWarnings, profile, timings };
        var features = FeatureOptions.AddTo(command);
        var handler = new LintCommand(output, error, workingDirectory);
        command.SetAction(result => handler.Execute(
            result.GetValue(path) ?? string.Empty,
            features.ToResolveOptions(result),
            result.GetValue(format) ?? "text",
            result.GetValue(denyWarnings),
            LintConfiguration.ParseProfile(result.GetValue(profile)),
            result.GetValue(timings)));
        return command;
    }

    /// <summary>Runs the command and returns its exit code (see <see cref="ExitCodes"/>).</summary>
    /// <param name="profile">The profile to lint with, replacing the configuration file's; null keeps the file's.</param>
    /// <param name="timings">Print where the time went on standard error, before the summary (<see cref="PhaseTimings"/>).</param>
    public int Execute(string path, ResolveOptions options, string format, bool denyWarnings, LintProfile? profile = null, bool timings = false)
    {
        var phases = timings ? new PhaseTimings() : null;
        LintOptions lintOptions;
        try
        {
            string full = Path.GetFullPath(Path.Combine(WorkingDirectory, path));
            string? configPath = LintConfiguration.Find(PhysicalFileSystem.Instance, full, WorkingDirectory);
            lintOptions = LintOptions.Default;
            if (configPath is not null)
            {
                var configuration = LintConfiguration.Parse(File.ReadAllText(configPath), configPath);
                if (configuration.Problem is { } problem)
                {
                    Error.Write($"error: {configPath}: {problem.Message}\n");
                    return ExitCodes.UsageOrIoError;
                }

                lintOptions = configuration.Apply(lintOptions);
            }

            if (profile is { } chosen && chosen != lintOptions.Profile) lintOptions = new LintOptions(lintOptions.Severities, chosen);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            Error.Write($"error: cannot read the lint configuration: {e.Message}\n");
            return ExitCodes.UsageOrIoError;
        }

        var diagnostics = new List<Diagnostic>();
        int fileCount, packageCount;
        bool readErrors;
        try
        {
            if (WitxInput.Documents(path, WorkingDirectory) is { Count: > 0 } documents)
            {
                // The lint rules are WIT's; a WITX document gets its validation, and the user is told why nothing more.
                var witx = WitxInput.Load(path, documents, WorkingDirectory, Error);
                if (witx is null) return ExitCodes.UsageOrIoError;
                Error.Write($"note: the lint rules apply to WIT; '{path.Replace('\\', '/')}' is WITX, so it was only checked\n");
                NoteWitxNotTimed(timings, path);
                phases = null;
                diagnostics.AddRange(witx.Diagnostics);
                (fileCount, packageCount, readErrors) = (witx.FileCount, 0, false);
            }
            else
            {
                var input = WorkspaceInput.Load(path, WorkingDirectory, options, Error, "lint", timings: phases);
                if (input is null) return ExitCodes.UsageOrIoError;
                diagnostics.AddRange(input.Model.Diagnostics);
                phases?.Start();
                diagnostics.AddRange(WitLinter.Lint(input.Workspace, input.Model, lintOptions));
                phases?.EndLint();
                (fileCount, packageCount, readErrors) = (input.FileCount, input.Model.Packages.Count, input.HasReadErrors);
            }
        }
        catch (Exception e)
        {
            // The command's top-level guard: the library never throws by contract; if it does, exit with
            // InternalError and a one-line message rather than a stack trace.
            Error.Write($"error: internal error while linting '{path}': {e.GetType().Name}: {e.Message}\n");
            return ExitCodes.InternalError;
        }

        phases?.Start();
        switch (format)
        {
            case "json":
                Output.Write(JsonSerializer.Serialize(CheckReportBuilder.Create(path, diagnostics, fileCount, packageCount), CliJsonContext.Output.CheckReport));
                Output.Write('\n');
                break;
            case "sarif":
                Output.Write(LintOutput.Sarif(diagnostics, lintOptions));
                break;
            case "github":
                Output.Write(LintOutput.GitHub(diagnostics));
                break;
            default:
                foreach (var diagnostic in diagnostics)
                {
                    Output.Write(DiagnosticRenderer.Render(diagnostic));
                    Output.Write('\n');
                }

                break;
        }

        int errors = diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
        int warnings = diagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning);
        int notes = diagnostics.Count - errors - warnings;
        WriteTimings(phases);

        string summary = $"linted {Plural(fileCount, "file")}: {Plural(errors, "error")}, {Plural(warnings, "warning")}";
        if (notes > 0) summary += $", {Plural(notes, "note")}";
        Error.Write(summary + "\n");
        if (readErrors) return ExitCodes.UsageOrIoError;
        if (errors > 0 || (denyWarnings && warnings > 0)) return ExitCodes.DiagnosticErrors;
        return ExitCodes.Success;
    }

    private static string Plural(int count, string noun) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + (count == 1 ? noun : noun + "s");
}
