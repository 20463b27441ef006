using System.CommandLine;
using System.CommandLine.Invocation;
using System.Reflection;

namespace Wit.Cli;

/// <summary>
/// Prints this tool's version for <c>--version</c>. The built-in action reports the entry assembly's version, which is
/// the test host's when the command runs in-process.
/// </summary>
internal sealed class VersionAction : SynchronousCommandLineAction
{
    public static string Version { get; } =
        typeof(VersionAction).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(VersionAction).Assembly.GetName().Version?.ToString()
        ?? "unknown";

    public override int Invoke(ParseResult parseResult)
    {
        parseResult.InvocationConfiguration.Output.Write(Version + "\n");
        return ExitCodes.Success;
    }
}
