using System.CommandLine;
using System.IO;
using Wit.Runtime;
using Wit.Runtime.Component;

namespace Wit.Cli.Inspect;

/// <summary>
/// <c>wit wit file.wasm</c>, registered as <c>wit component-wit</c> (see <see cref="WitCommandLine.WitCommandName"/>;
/// upstream's <c>wasm-tools component wit</c>): prints the WIT of a component: the package, for a WIT package encoded as a component
/// (wit-component's encoding), or else a world <c>root</c> of the component's imports and exports.
/// </summary>
public sealed class WitCommand : CommandHandler
{
    public WitCommand(TextWriter output, TextWriter error, string workingDirectory)
        : base(output, error, workingDirectory)
    {
    }

    /// <summary>The name the command is registered under; <c>wit wit</c> reaches it too.</summary>
    public const string Name = "component-wit";

    public static Command Create(TextWriter output, TextWriter error, string workingDirectory)
    {
        var file = new Argument<string>("file") { Description = "A component (.wasm): an encoded WIT package or any component" };
        var command = new Command(Name, "Print the WIT of a component (an encoded WIT package, or a component's imports and exports); also 'wit wit'") { file };
        var handler = new WitCommand(output, error, workingDirectory);
        command.SetAction(result => handler.Execute(result.GetValue(file) ?? string.Empty));
        return command;
    }

    public int Execute(string path)
    {
        if (ReadBytes(path) is not byte[] bytes)
        {
            return ExitCodes.UsageOrIoError;
        }
        if (!ComponentDecoder.IsComponent(bytes))
        {
            Error.Write($"error: {path}: not a component (a core module has no WIT)\n");
            return ExitCodes.UsageOrIoError;
        }
        try
        {
            Output.Write(WitFromComponent.Print(ComponentDecoder.Decode(bytes)));
            return ExitCodes.Success;
        }
        catch (WasmException e)
        {
            Error.Write($"error: {path}: {e.Message}\n");
            return ExitCodes.UsageOrIoError;
        }
    }
}
