using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Xml.Linq;
using Xunit;

namespace Wit.Repo.Tests;

/// <summary>
/// The `wit` command ships as a platform-specific .NET tool (server/Wit.Cli/Wit.Cli.csproj): the package Wit.Cli names
/// Wit.Cli.linux-x64 (native) and Wit.Cli.any (framework-dependent), and `dotnet tool install` picks one. This packs
/// them as a user's build does and installs the framework-dependent fallback into a temporary tool path, then runs it:
/// `--version`, `check` and `lint` of a sample. The native package is compiled, installed and run by
/// scripts/publish-wit.sh (`npm run publish`): its compilation takes minutes on a busy machine, too long for every
/// test run. Everything is built under a temporary folder (`--artifacts-path`), so the test leaves the source tree's
/// build output as it was. It runs real processes (about a minute) because that is what a user does.
/// </summary>
public sealed class ToolPackagingTests
{
    private const string Version = "0.0.0-test";

    [Fact]
    public void ToolPackageNamesTheNativeAndPortableBuildsAndThePortableOneInstallsAndRuns()
    {
        string work = Path.Combine(Path.GetTempPath(), "wit-tool-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(work);
        try
        {
            string project = RepoPaths.Combine("server", "Wit.Cli", "Wit.Cli.csproj");
            string build = Path.Combine(work, "build");
            string packages = Path.Combine(work, "packages");
            var before = BuildOutputs();
            string Pack(string output, string extra) =>
                $"pack \"{project}\" -c Release -o \"{output}\" --artifacts-path \"{build}\" -p:Version={Version} {extra}";

            // The package `dotnet tool install Wit.Cli` reads first: it holds no build, only the packages per platform.
            var pointer = ProcessRun.Run("dotnet", Pack(packages, ""), work);
            Assert.True(pointer.ExitCode == 0, pointer.Output);
            var settings = ToolSettings(Path.Combine(packages, $"Wit.Cli.{Version}.nupkg"));
            var rids = settings.Descendants("RuntimeIdentifierPackage")
                .ToDictionary(e => (string)e.Attribute("RuntimeIdentifier")!, e => (string)e.Attribute("Id")!);
            Assert.Equal("Wit.Cli.linux-x64", rids.GetValueOrDefault("linux-x64"));
            Assert.Equal("Wit.Cli.any", rids.GetValueOrDefault("any"));
            Assert.Equal("wit", (string?)settings.Descendants("Command").Single().Attribute("Name"));

            var portable = ProcessRun.Run("dotnet", Pack(packages, "-r any"), work);
            Assert.True(portable.ExitCode == 0, portable.Output);
            string portablePackage = Path.Combine(packages, $"Wit.Cli.any.{Version}.nupkg");
            Assert.Contains("tools/net10.0/any/wit.dll", Entries(portablePackage));

            // On a platform without a native build, install picks Wit.Cli.any: here that platform is stood for by a
            // pointer package that names only `any` (this machine would otherwise ask for Wit.Cli.linux-x64).
            string fallback = Path.Combine(work, "fallback");
            var anyOnly = ProcessRun.Run("dotnet", Pack(fallback, "-p:ToolPackageRuntimeIdentifiers=any"), work);
            Assert.True(anyOnly.ExitCode == 0, anyOnly.Output);
            File.Copy(portablePackage, Path.Combine(fallback, Path.GetFileName(portablePackage)));

            // Packing builds in the temporary artifacts folder: the source tree's build output (the `wit` that
            // `npm run samples` runs) is left as it was.
            Assert.Equal(before, BuildOutputs());

            string tools = Path.Combine(work, "tools");
            var install = ProcessRun.Run("dotnet", $"tool install Wit.Cli --version {Version} --tool-path \"{tools}\" --add-source \"{fallback}\"", work);
            Assert.True(install.ExitCode == 0, install.Output);
            string wit = Path.Combine(tools, OperatingSystem.IsWindows() ? "wit.exe" : "wit");

            var version = ProcessRun.Run(wit, "--version", work);
            Assert.True(version.ExitCode == 0, version.Output);
            Assert.StartsWith(Version, version.Output.Trim(), StringComparison.Ordinal);

            string sample = RepoPaths.Combine("samples", "wit", "http-proxy");
            var check = ProcessRun.Run(wit, $"check \"{sample}\"", work);
            Assert.True(check.ExitCode == 0, check.Output);
            Assert.Contains("0 errors", check.Output, StringComparison.Ordinal);

            var lint = ProcessRun.Run(wit, $"lint \"{sample}\" --format github", work);
            Assert.True(lint.ExitCode is 0 or 1, lint.Output);
            Assert.DoesNotContain("::error", lint.Output, StringComparison.Ordinal);

            // `wit wit` as installed (the root command is then named `wit` too, which System.CommandLine cannot take
            // as a subcommand's name): a core module is reported as such, the command is not unknown.
            string module = Path.Combine(work, "m.wasm");
            File.WriteAllBytes(module, new byte[] { 0, 0x61, 0x73, 0x6d, 1, 0, 0, 0 });
            var witWit = ProcessRun.Run(wit, $"wit \"{module}\"", work);
            Assert.True(witWit.ExitCode == 2, witWit.Output);
            Assert.Contains("not a component", witWit.Output, StringComparison.Ordinal);
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

    /// <summary>
    /// The example CI workflow installs the released tool at the version this repository builds (bump both together),
    /// rather than building it from a clone of a placeholder repository.
    /// </summary>
    [Fact]
    public void CiSampleInstallsTheReleasedToolAtTheProjectVersion()
    {
        var project = XDocument.Load(RepoPaths.Combine("server", "Wit.Cli", "Wit.Cli.csproj"));
        string Property(string name) => project.Descendants(name).Single().Value;
        string workflow = File.ReadAllText(RepoPaths.Combine("samples", "ci", "wit.yml"));

        Assert.Contains($"dotnet tool install --global {Property("PackageId")} --version {Property("Version")}\n", workflow, StringComparison.Ordinal);
        Assert.DoesNotContain("OWNER", workflow, StringComparison.Ordinal);
        Assert.DoesNotContain("dotnet pack", workflow, StringComparison.Ordinal);
    }

    private static XDocument ToolSettings(string package)
    {
        using var zip = ZipFile.OpenRead(package);
        var entry = zip.Entries.Single(e => e.FullName.EndsWith("/DotnetToolSettings.xml", StringComparison.Ordinal));
        using var stream = entry.Open();
        return XDocument.Load(stream);
    }

    private static string[] Entries(string package)
    {
        using var zip = ZipFile.OpenRead(package);
        return zip.Entries.Select(e => e.FullName).ToArray();
    }

    /// <summary>Every file under the bin/ and obj/ folders of the projects the pack builds, with its size and time.</summary>
    private static string BuildOutputs()
    {
        var lines = new System.Collections.Generic.List<string>();
        foreach (string project in new[] { "Wit.Cli", "Wit.Core", "Wit.Ide" })
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
}
