using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text.Json;
using Xunit;

namespace Wit.Repo.Tests;

/// <summary>
/// The native builds for Linux are position-dependent and keep their type data as the file holds it, rather than
/// rehydrating it at start (Directory.Build.targets, docs/decisions/native-startup.md; a third less CPU to start `wit`).
/// Compiling a native build takes minutes, too long for every test run (scripts/publish.sh does it), so this asks
/// MSBuild what a native publish of each executable would be given, and checks that the NativeAOT compiler's own build
/// files still read those two settings: a renamed property would otherwise be ignored without a word. Also the
/// calls into libc bound at link time rather than by loading "libc" by name at run time, and `wit` opening files
/// without .NET's advisory locks (system calls a cold `wit check` does not need).
/// </summary>
public sealed class NativeStartupSettingsTests
{
    public static readonly TheoryData<string> Executables = new()
    {
        "server/Wit.Cli/Wit.Cli.csproj",
        "server/Wit.LanguageServer/Wit.LanguageServer.csproj",
        "server/Wit.DebugAdapter/Wit.DebugAdapter.csproj",
    };

    [Theory]
    [MemberData(nameof(Executables))]
    public void LinuxNativeBuildsArePositionDependentWithoutRehydration(string project)
    {
        var linux = Evaluate(project, "linux-x64", "PublishAot", "IlcDehydrate", "PositionIndependentExecutable");
        Assert.Equal("true", linux.GetProperty("PublishAot").GetString());
        Assert.Equal("false", linux.GetProperty("IlcDehydrate").GetString());
        Assert.Equal("false", linux.GetProperty("PositionIndependentExecutable").GetString());

        // macOS requires position-independent executables, and without them dropping rehydration would only add
        // relocations: other platforms keep the compiler's defaults, as does a build without a runtime identifier.
        foreach (string other in new[] { "osx-arm64", "win-x64", "" })
        {
            var properties = Evaluate(project, other, "IlcDehydrate", "PositionIndependentExecutable");
            Assert.Equal("", properties.GetProperty("IlcDehydrate").GetString());
            Assert.Equal("", properties.GetProperty("PositionIndependentExecutable").GetString());
        }
    }

    [Fact]
    public void TheNativeCompilersBuildFilesReadBothSettings()
    {
        var paths = Evaluate("server/Wit.Cli/Wit.Cli.csproj", "linux-x64", "PublishAot", "ILCompilerTargetsPath");
        string build = Path.GetDirectoryName(paths.GetProperty("ILCompilerTargetsPath").GetString())!;
        string native = File.ReadAllText(Path.Combine(build, "Microsoft.NETCore.Native.targets"));
        string unix = File.ReadAllText(Path.Combine(build, "Microsoft.NETCore.Native.Unix.targets"));
        Assert.Contains("'$(IlcDehydrate)' != 'false'", native, StringComparison.Ordinal);
        Assert.Contains("\"--dehydrate\"", native, StringComparison.Ordinal);
        Assert.Contains("'$(PositionIndependentExecutable)' == 'false'", unix, StringComparison.Ordinal);
        Assert.Contains("-no-pie", unix, StringComparison.Ordinal);
        // The code layout's order (IlcOrderFile) reaches the compiler as an explicit method layout.
        Assert.Contains("--order:$(IlcOrderFile)", native, StringComparison.Ordinal);
        Assert.Contains("--method-layout:explicit", native, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("server/Wit.Cli/Wit.Cli.csproj")]
    [InlineData("server/Wit.LanguageServer/Wit.LanguageServer.csproj")]
    public void LinuxNativeBuildsLayTheirCodeOutInTheRecordedOrder(string project)
    {
        string expected = Path.Combine(Path.GetDirectoryName(Path.Combine(RepoPaths.Root, project))!, "native-methods.order");
        var linux = Evaluate(project, "linux-x64", "PublishAot", "IlcOrderFile");
        Assert.Equal(expected, Path.GetFullPath(linux.GetProperty("IlcOrderFile").GetString()!));
        Assert.Equal("", Evaluate(project, "osx-arm64", "PublishAot", "IlcOrderFile").GetProperty("IlcOrderFile").GetString());

        // What scripts/record-method-order.sh writes: one symbol of a managed method a line, the program's entry among them.
        string[] methods = File.ReadAllLines(expected);
        Assert.True(methods.Length >= 500, $"{methods.Length} methods in {expected}");
        Assert.All(methods, name => Assert.Matches(@"^\S+$", name));
        Assert.Equal(methods.Length, methods.Distinct(StringComparer.Ordinal).Count());
        Assert.Contains(methods, name => name.EndsWith("_Program___Main", StringComparison.Ordinal) || name.Contains("_Program___Main_", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Executables))]
    public void LinuxNativeBuildsCallLibcDirectly(string project)
    {
        Assert.Contains("libc", ItemNames(project, "linux-x64", "DirectPInvoke"));
        Assert.DoesNotContain("libc", ItemNames(project, "osx-arm64", "DirectPInvoke"));
    }

    [Fact]
    public void EveryNativeCallOfTheCoreLibraryGoesToALibraryBoundDirectly()
    {
        var imports = typeof(Wit.Core.Workspace.HugePages).Assembly.GetTypes()
            .SelectMany(type => type.GetMethods(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .Select(method => (Method: method, Import: method.GetCustomAttribute<DllImportAttribute>()))
            .Where(pair => pair.Import is not null)
            .ToList();
        Assert.NotEmpty(imports);
        var direct = ItemNames("server/Wit.Cli/Wit.Cli.csproj", "linux-x64", "DirectPInvoke");
        foreach (var (method, import) in imports) Assert.True(direct.Contains(import!.Value), $"{method.DeclaringType}.{method.Name}: {import.Value}");
    }

    [Fact]
    public void EveryNativeCallOfTheSharedStandardStreamGoesToALibraryBoundDirectly()
    {
        // server/Shared/StandardStream.cs is compiled into wit and the language server: write and poll from libc.
        string source = File.ReadAllText(Path.Combine(RepoPaths.Root, "server", "Shared", "StandardStream.cs"));
        var libraries = System.Text.RegularExpressions.Regex.Matches(source, "DllImport\\(\"([^\"]+)\"").Select(match => match.Groups[1].Value).ToHashSet();
        Assert.Equal(["libc"], libraries);
        foreach (var project in new[] { "server/Wit.Cli/Wit.Cli.csproj", "server/Wit.LanguageServer/Wit.LanguageServer.csproj" })
        {
            Assert.Contains("Compile", Items(project, "linux-x64", "Compile").EnumerateArray()
                .Where(item => item.GetProperty("Identity").GetString()!.Replace('\\', '/').EndsWith("Shared/StandardStream.cs", StringComparison.Ordinal))
                .Select(_ => "Compile"));
            Assert.Contains("libc", ItemNames(project, "linux-x64", "DirectPInvoke"));
        }
    }

    [Fact]
    public void WitReadsFilesWithoutAdvisoryLocks()
    {
        var items = Items("server/Wit.Cli/Wit.Cli.csproj", "linux-x64", "RuntimeHostConfigurationOption");
        Assert.Contains(items.EnumerateArray(), item =>
            item.GetProperty("Identity").GetString() == "System.IO.DisableFileLocking" && item.GetProperty("Value").GetString() == "true");
    }

    private static List<string> ItemNames(string project, string runtime, string item) =>
        Items(project, runtime, item).EnumerateArray().Select(i => i.GetProperty("Identity").GetString()!).ToList();

    private static JsonElement Items(string project, string runtime, string item)
    {
        string arguments = $"msbuild \"{RepoPaths.Combine(project.Split('/'))}\" -p:Configuration=Release -p:RuntimeIdentifier={runtime} -getItem:{item} -getProperty:PublishAot";
        var (exitCode, output) = ProcessRun.Run("dotnet", arguments, RepoPaths.Root);
        Assert.True(exitCode == 0, output);
        using var document = JsonDocument.Parse(output);
        return document.RootElement.GetProperty("Items").TryGetProperty(item, out var items) ? items.Clone() : JsonDocument.Parse("[]").RootElement.Clone();
    }

    private static JsonElement Evaluate(string project, string runtime, params string[] names)
    {
        Assert.True(names.Length >= 2);
        string arguments = $"msbuild \"{RepoPaths.Combine(project.Split('/'))}\" -p:Configuration=Release -p:RuntimeIdentifier={runtime}";
        foreach (string name in names) arguments += " -getProperty:" + name;
        var (exitCode, output) = ProcessRun.Run("dotnet", arguments, RepoPaths.Root);
        Assert.True(exitCode == 0, output);
        // Asked for two properties or more, MSBuild answers with an object of them (one comes back as a bare value).
        using var document = JsonDocument.Parse(output);
        return document.RootElement.GetProperty("Properties").Clone();
    }
}
