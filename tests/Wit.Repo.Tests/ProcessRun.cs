using System.Diagnostics;

namespace Wit.Repo.Tests;

/// <summary>Runs a program to its end, as the repository's own tools do (the .NET CLI without telemetry or banner).</summary>
internal static class ProcessRun
{
    /// <summary>The exit code and everything written to standard output, then standard error.</summary>
    public static (int ExitCode, string Output) Run(string file, string arguments, string workingDirectory)
    {
        var info = new ProcessStartInfo(file, arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(info)!;
        var error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output + error.Result);
    }
}
