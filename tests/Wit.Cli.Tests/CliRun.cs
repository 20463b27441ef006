using System.Globalization;
using System.IO;

namespace Wit.Cli.Tests;

/// <summary>The outcome of one in-process run of the <c>wit</c> command.</summary>
public sealed class CliRun
{
    private CliRun(int exitCode, string output, string error)
    {
        ExitCode = exitCode;
        Output = output;
        Error = error;
    }

    public int ExitCode { get; }

    /// <summary>Everything written to standard output.</summary>
    public string Output { get; }

    /// <summary>Everything written to standard error.</summary>
    public string Error { get; }

    /// <summary>Runs <c>wit</c> with <paramref name="args"/> in <paramref name="workingDirectory"/>, capturing both streams.</summary>
    public static CliRun Start(string workingDirectory, params string[] args) => StartWithInput(workingDirectory, null, args);

    /// <summary>As <see cref="Start"/>, with <paramref name="input"/> as standard input.</summary>
    public static CliRun StartWithInput(string workingDirectory, Stream? input, params string[] args)
    {
        var output = new StringWriter(CultureInfo.InvariantCulture);
        var error = new StringWriter(CultureInfo.InvariantCulture);
        int exitCode = WitCommandLine.Run(args, output, error, workingDirectory, input);
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Output}--- stderr\n{Error}";
}
