using System;
using System.Diagnostics;
using System.IO;
using Xunit;

namespace Wit.Repo.Tests;

/// <summary>
/// The `wit` command ships as a .NET tool: `dotnet pack` produces the package, `dotnet tool install --tool-path`
/// installs it from that local folder, and the installed command lints a sample. This runs real processes (about a
/// minute) because that is what a user does. Packing builds into a temporary artifacts folder: `npm test` runs this
/// after building the repository, and a pack with a test version inside the source tree would replace the built
/// `wit` (its `--version` became `0.0.0-test`).
/// </summary>
public sealed class ToolPackagingTests
{
    [Fact]
    public void PackedToolInstallsAndLintsASample()
    {
        string work = Path.Combine(Path.GetTempPath(), "wit-tool-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(work);
        try
        {
            string packages = Path.Combine(work, "packages");
            string tools = Path.Combine(work, "tools");
            string build = Path.Combine(work, "build");
            var before = BuildOutputs();
            var pack = Run("dotnet", $"pack \"{RepoPaths.Combine("server", "Wit.Cli", "Wit.Cli.csproj")}\" -c Release -o \"{packages}\" --artifacts-path \"{build}\" -p:Version=0.0.0-test", RepoPaths.Root);
            Assert.True(pack.ExitCode == 0, pack.Output);
            Assert.Equal(before, BuildOutputs());
            Assert.True(File.Exists(Path.Combine(packages, "Wit.Cli.0.0.0-test.nupkg")), pack.Output);

            var install = Run("dotnet", $"tool install Wit.Cli --version 0.0.0-test --tool-path \"{tools}\" --add-source \"{packages}\"", work);
            Assert.True(install.ExitCode == 0, install.Output);

            string wit = Path.Combine(tools, OperatingSystem.IsWindows() ? "wit.exe" : "wit");
            var lint = Run(wit, $"lint \"{RepoPaths.Combine("samples", "wit", "http-proxy")}\" --format github", work);
            Assert.True(lint.ExitCode is 0 or 1, lint.Output);
            Assert.DoesNotContain("::error", lint.Output);

            var version = Run(wit, "--version", work);
            Assert.Equal(0, version.ExitCode);
        }
        finally
        {
            try
            {
                Directory.Delete(work, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp folder is harmless.
            }
        }
    }

    /// <summary>Every file under the bin/ and obj/ folders of the projects the pack builds, with its size and time.</summary>
    private static string BuildOutputs()
    {
        var lines = new System.Collections.Generic.List<string>();
        foreach (string project in new[] { "Wit.Cli", "Wit.Core", "Wit.Ide", "Wit.Runtime" })
        {
            foreach (string folder in new[] { "bin", "obj" })
            {
                string root = RepoPaths.Combine("server", project, folder);
                if (!Directory.Exists(root)) continue;
                foreach (string file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
                {
                    var info = new FileInfo(file);
                    lines.Add($"{Path.GetRelativePath(RepoPaths.Root, file)} {info.Length} {info.LastWriteTimeUtc.Ticks}");
                }
            }
        }

        lines.Sort(StringComparer.Ordinal);
        return string.Join("\n", lines);
    }

    private static (int ExitCode, string Output) Run(string file, string arguments, string workingDirectory)
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
