using System;
using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Parsing;
using System.Linq;
using System.IO;

namespace Wit.Cli;

/// <summary>
/// The <c>wit</c> command line: the root command and its subcommands. Everything writes to the writers passed in, so
/// tests run the whole command in-process; only <c>Program</c> hands it the console.
/// </summary>
public static class WitCommandLine
{
    /// <summary>Parses <paramref name="args"/>, runs the chosen command and returns the exit code.</summary>
    /// <param name="args">The arguments after the program name.</param>
    /// <param name="output">Standard output: results.</param>
    /// <param name="error">Standard error: summaries, usage and I/O errors.</param>
    /// <param name="workingDirectory">Where relative paths are resolved and what printed paths are relative to.</param>
    /// <param name="input">Standard input, which <c>wit run</c> gives a component (empty when null).</param>
    public static int Run(string[] args, TextWriter output, TextWriter error, string workingDirectory, Stream? input = null)
    {
        if (args.Length > 0 && args[0] == WitCommandName)
        {
            args = [Inspect.WitCommand.Name, .. args.AsSpan(1)];
        }

        // A command line that starts with a command's name is parsed by that command alone: the others are not built.
        var root = CreateRootCommand(output, error, workingDirectory, input, args.Length > 0 ? args[0] : null);
        return Invoke(root, args, output, error);
    }

    /// <summary>Parses <paramref name="args"/> with <paramref name="root"/> and runs the chosen command, or reports the usage errors.</summary>
    internal static int Invoke(Command root, string[] args, TextWriter output, TextWriter error)
    {
        var parseResult = root.Parse(args);
        if (parseResult.Errors.Count > 0)
        {
            // An unknown command is one mistake: say that alone (the parser would add that no command was given).
            if (parseResult.CommandResult.Command == root && args.Length > 0 && !args[0].StartsWith('-'))
            {
                error.Write($"error: unknown command '{args[0]}' (commands: {string.Join(", ", root.Subcommands.Select(c => c.Name))})\n");
            }
            else
            {
                foreach (var parseError in parseResult.Errors) error.Write($"error: {Sentence(parseError.Message)}\n");
            }

            error.Write("Run 'wit --help' for usage.\n");
            return ExitCodes.UsageOrIoError;
        }

        var configuration = new InvocationConfiguration { Output = output, Error = error };
        return parseResult.Invoke(configuration);
    }

    /// <summary>
    /// <c>wit wit file.wasm</c>. System.CommandLine names the root command after the executable, <c>wit</c>, and
    /// cannot have a subcommand (or an alias) of the same name: it puts the root's name and its subcommands' names in
    /// one dictionary, which throws on the duplicate, and it takes a first argument equal to the root's name for the
    /// root itself. So the command is registered as <c>component-wit</c> and a leading <c>wit</c> is renamed to it
    /// before parsing.
    /// </summary>
    public const string WitCommandName = "wit";

    /// <summary>
    /// A message as every <c>error:</c> line words it, lower case after the prefix (System.CommandLine capitalises its
    /// own; an initial acronym such as <c>WIT</c> stays as it is) and without a final full stop.
    /// </summary>
    public static string Sentence(string message)
    {
        if (message.EndsWith('.') && !message.EndsWith("..", StringComparison.Ordinal)) message = message.Substring(0, message.Length - 1);
        if (message.Length > 1 && char.IsUpper(message[0]) && !char.IsUpper(message[1])) message = char.ToLowerInvariant(message[0]) + message.Substring(1);
        return message;
    }

    /// <summary>The commands in the order help lists them, each with what makes it.</summary>
    private static readonly (string Name, Func<TextWriter, TextWriter, string, Stream?, Command> Create)[] Subcommands =
    [
        ("parse", (output, error, directory, _) => ParseCommand.Create(output, error, directory)),
        ("check", (output, error, directory, _) => CheckCommand.Create(output, error, directory)),
        ("resolve", (output, error, directory, _) => ResolveCommand.Create(output, error, directory)),
        ("witx", (output, error, directory, _) => WitxCommand.Create(output, error, directory)),
        ("abi", (output, error, directory, _) => AbiCommand.Create(output, error, directory)),
        ("fmt", (output, error, directory, _) => FmtCommand.Create(output, error, directory)),
        ("diff", (output, error, directory, _) => DiffCommand.Create(output, error, directory)),
        ("lint", (output, error, directory, _) => LintCommand.Create(output, error, directory)),
        (RunCommand.Name, RunCommand.Create),
        ("inspect", (output, error, directory, _) => Inspect.InspectCommand.Create(output, error, directory)),
        (Inspect.WitCommand.Name, (output, error, directory, _) => Inspect.WitCommand.Create(output, error, directory)),
    ];

    /// <summary>
    /// The root command: <c>wit</c> with its help and version options and the subcommands.
    /// </summary>
    /// <remarks>
    /// A plain <see cref="Command"/> with the two options made here rather than System.CommandLine's
    /// <c>RootCommand</c>, whose constructor reads the help option's description from its resources: the first such
    /// read sets up a resource manager (custom attributes read through reflection, the resource stream opened), a tenth
    /// of the CPU of a native <c>wit check</c> of WASI's http package (14.5 ms instead of 16.0, medians of 6 rounds of
    /// 10 runs, 2026-12-07). Help, version and their errors read the same; System.CommandLine's resources are still
    /// read for its parse errors, when there are any.
    /// <para>
    /// With <paramref name="only"/> the name of a command, the root holds that command alone: a command line that
    /// starts with a command's name is parsed and run the same way, and the other ten commands' options, arguments
    /// and actions are not built for nothing (help on the root, an unknown command and a root option build them all).
    /// </para>
    /// </remarks>
    public static Command CreateRootCommand(TextWriter output, TextWriter error, string workingDirectory, Stream? input = null, string? only = null)
    {
        var root = new Command(WitCommandName, "wit: tools for the WebAssembly component model's interface languages, WIT and WITX");
        root.Options.Add(new Option<bool>("--help", "-h", "/h", "-?", "/?")
        {
            Description = "Show help and usage information",
            Arity = ArgumentArity.Zero,
            Recursive = true,
            Action = new HelpAction(),
        });
        var version = new Option<bool>("--version")
        {
            Description = "Show version information",
            Arity = ArgumentArity.Zero,
            Action = new VersionAction(),
        };
        version.Validators.Add(result =>
        {
            // Options not given have results too (Implicit), with their default values.
            if (!result.Implicit && result.Parent is CommandResult parent
                && parent.Children.Any(child => child is not OptionResult { Implicit: true } && (child as OptionResult)?.Option != version))
            {
                result.AddError("--version option cannot be combined with other arguments");
            }
        });
        root.Options.Add(version);
        bool one = only is not null && Array.Exists(Subcommands, subcommand => subcommand.Name == only);
        foreach (var (name, create) in Subcommands)
        {
            if (!one || name == only) root.Add(create(output, error, workingDirectory, input));
        }

        return root;
    }
}
