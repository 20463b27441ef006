using System;
using System.CommandLine;
using System.IO;
using Wit.Cli.Json;
using Wit.Core.Semantics;

namespace Wit.Cli;

/// <summary>
/// <c>wit resolve &lt;path&gt; [--features a,b] [--all-features] [--format json]</c>: resolves a package root and
/// prints the resolved packages in wit-parser's JSON schema (the <c>.wit.json</c> format: <c>worlds</c>,
/// <c>interfaces</c>, <c>types</c> and <c>packages</c> arenas), so tools that read upstream's JSON can read ours. When
/// resolution reports errors nothing is printed on standard output, as wit-parser prints no model for an invalid
/// package; the diagnostics go to standard error.
/// </summary>
public sealed class ResolveCommand : CommandHandler
{
    /// <summary>Creates the command's handler, writing to the given writers.</summary>
    public ResolveCommand(TextWriter output, TextWriter error, string workingDirectory)
        : base(output, error, workingDirectory)
    {
    }

    /// <summary>The command-line definition, bound to an instance writing to the given writers.</summary>
    public static Command Create(TextWriter output, TextWriter error, string workingDirectory)
    {
        var path = CommandArguments.PackageRoot();
        var format = CommandArguments.Format("Output format: json (wit-parser's schema)", "json");
        var command = new Command("resolve", "Resolve a WIT package and print the model as wit-parser's JSON") { path, format };
        var features = FeatureOptions.AddTo(command);
        var handler = new ResolveCommand(output, error, workingDirectory);
        command.SetAction(result => handler.Execute(result.GetValue(path) ?? string.Empty, features.ToResolveOptions(result)));
        return command;
    }

    /// <summary>Runs the command and returns its exit code (see <see cref="ExitCodes"/>).</summary>
    public int Execute(string path, ResolveOptions options)
    {
        WorkspaceInput? input;
        try
        {
            input = WorkspaceInput.Load(path, WorkingDirectory, options, Error, "resolve");
        }
        catch (Exception e)
        {
            // The command's top-level guard: the library never throws by contract; if it does, exit with
            // InternalError and a one-line message rather than a stack trace.
            Error.Write($"error: internal error while resolving '{path}': {e.GetType().Name}: {e.Message}\n");
            return ExitCodes.InternalError;
        }

        if (input is null) return ExitCodes.UsageOrIoError;
        if (input.ErrorCount > 0)
        {
            foreach (var diagnostic in input.Model.Diagnostics)
            {
                Error.Write(DiagnosticRenderer.Render(diagnostic));
                Error.Write('\n');
            }

            Error.Write(CheckCommand.Summary(input.FileCount, input.ErrorCount, input.WarningCount) + "\n");
            return input.HasReadErrors ? ExitCodes.UsageOrIoError : ExitCodes.DiagnosticErrors;
        }

        Output.Write(WitModelJsonWriter.Write(input.Model));
        Output.Write('\n');
        return ExitCodes.Success;
    }
}
