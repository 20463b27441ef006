using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using Wit.Core.Diagnostics;
using Wit.Core.Semantics;
using Wit.Core.Witx.Semantics;

namespace Wit.Cli;

/// <summary>
/// <c>wit witx &lt;path&gt; (--interface IFACE | --world W) [-o out.witx]</c>: derives a WITX document whose functions
/// have the core signatures the Canonical ABI gives the WIT functions, for engines that speak WITX. What WITX cannot
/// express (resources, async, streams, futures) is written as handles with a comment and reported as a warning.
/// </summary>
public sealed class WitxCommand : CommandHandler
{
    public WitxCommand(TextWriter output, TextWriter error, string workingDirectory)
        : base(output, error, workingDirectory)
    {
    }

    /// <summary>The command-line definition, bound to an instance writing to the given writers.</summary>
    public static Command Create(TextWriter output, TextWriter error, string workingDirectory)
    {
        var path = CommandArguments.PackageRoot();
        var @interface = new Option<string?>("--interface") { Description = "The interface to derive (a name of the root package, or ns:pkg/name)" };
        var world = new Option<string?>("--world") { Description = "The world to derive (imports and exports)" };
        var outputFile = new Option<string?>("--output", "-o") { Description = "Write the WITX to this file instead of standard output" };
        var command = new Command("witx", "Derive WITX from a WIT interface or world, with the Canonical ABI's core signatures") { path, @interface, world, outputFile };
        var features = FeatureOptions.AddTo(command);
        command.Validators.Add(result =>
        {
            if ((result.GetResult(@interface) is null) == (result.GetResult(world) is null)) result.AddError("give exactly one of --interface or --world");
        });
        var handler = new WitxCommand(output, error, workingDirectory);
        command.SetAction(result => handler.Execute(result.GetValue(path) ?? string.Empty, result.GetValue(@interface), result.GetValue(world),
            result.GetValue(outputFile), features.ToResolveOptions(result)));
        return command;
    }

    /// <summary>Runs the command and returns its exit code (see <see cref="ExitCodes"/>).</summary>
    public int Execute(string path, string? interfaceName, string? worldName, string? outputFile, ResolveOptions options)
    {
        if ((interfaceName is null) == (worldName is null))
        {
            Error.Write("error: give exactly one of --interface or --world\n");
            return ExitCodes.UsageOrIoError;
        }

        WorkspaceInput? input;
        try
        {
            input = WorkspaceInput.Load(path, WorkingDirectory, options, Error, "witx");
        }
        catch (Exception e)
        {
            // The command's top-level guard: the library never throws by contract; if it does, exit with
            // InternalError and a one-line message rather than a stack trace.
            Error.Write($"error: internal error while reading '{path}': {e.GetType().Name}: {e.Message}\n");
            return ExitCodes.InternalError;
        }

        if (input is null) return ExitCodes.UsageOrIoError;
        if (input.ErrorCount > 0)
        {
            foreach (var diagnostic in input.Model.Diagnostics) Error.Write(DiagnosticRenderer.Render(diagnostic) + "\n");
            return ExitCodes.DiagnosticErrors;
        }

        var lookup = PackageLookup.For(input.Workspace, input.Model);
        var root = lookup.Root;
        WitxDerivation derivation;
        if (interfaceName is not null)
        {
            var target = lookup.FindContainer(interfaceName).Item as Interface;
            if (target is null)
            {
                Error.Write($"error: no interface `{interfaceName}` in the root package{NameSuggestions.AvailableText(interfaceName, root?.Interfaces.Keys ?? Enumerable.Empty<string>())}\n");
                return ExitCodes.UsageOrIoError;
            }

            derivation = WitxDeriver.DeriveInterface(target);
        }
        else
        {
            var target = root is not null && root.Worlds.TryGetValue(worldName!, out var w) ? w : null;
            if (target is null)
            {
                Error.Write($"error: no world `{worldName}` in the root package{NameSuggestions.AvailableText(worldName!, root?.Worlds.Keys ?? Enumerable.Empty<string>())}\n");
                return ExitCodes.UsageOrIoError;
            }

            derivation = WitxDeriver.DeriveWorld(target);
        }

        foreach (var diagnostic in derivation.Diagnostics) Error.Write(DiagnosticRenderer.Render(diagnostic) + "\n");
        if (outputFile is null)
        {
            Output.Write(derivation.Text);
        }
        else
        {
            try
            {
                File.WriteAllText(Path.Combine(WorkingDirectory, outputFile), derivation.Text);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Error.Write($"error: cannot write '{outputFile}': {e.Message}\n");
                return ExitCodes.UsageOrIoError;
            }
        }

        return derivation.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error) ? ExitCodes.DiagnosticErrors : ExitCodes.Success;
    }
}
