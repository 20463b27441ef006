using System.IO;
using Wit.Runtime.Wasi;
using Xunit;

namespace Wit.Runtime.Tests.Wasi;

/// <summary><see cref="WasiSandbox.Resolve"/> on a temporary tree: what it resolves to, and what it refuses.</summary>
public sealed class WasiSandboxTests : System.IDisposable
{
    private readonly DirectoryInfo _temp = Directory.CreateTempSubdirectory("wasi-sandbox-");
    private readonly WasiSandbox _sandbox;

    public WasiSandboxTests()
    {
        string root = Path.Combine(_temp.FullName, "root");
        Directory.CreateDirectory(Path.Combine(root, "a", "b"));
        File.WriteAllText(Path.Combine(root, "file"), "");
        File.CreateSymbolicLink(Path.Combine(root, "a", "toRoot"), "..");
        File.CreateSymbolicLink(Path.Combine(root, "self"), "self");
        _sandbox = new WasiSandbox(root);
    }

    public void Dispose() => _temp.Delete(recursive: true);

    [Theory]
    [InlineData("", "a/b", "a/b")]
    [InlineData("", "./a//b/.", "a/b")]
    [InlineData("", "a/b/../../file", "file")]
    [InlineData("a", "b/..", "a")]
    [InlineData("a", "toRoot/a/b", "a/b")]
    [InlineData("a/b", "../..", "")]
    [InlineData("", "new-file", "new-file")]
    [InlineData("", "a/toRoot", "")]
    public void Resolves_inside_the_root(string from, string path, string expected)
    {
        Assert.Equal(SandboxRefusal.None, _sandbox.Resolve(from, path, followLast: true, out var resolved));
        Assert.Equal(expected, resolved.Relative);
        Assert.Equal(expected.Length == 0 ? _sandbox.Root : Path.Join(_sandbox.Root, expected), resolved.Host);
    }

    [Fact]
    public void A_last_symlink_is_kept_unless_followed()
    {
        Assert.Equal(SandboxRefusal.None, _sandbox.Resolve("", "a/toRoot", followLast: false, out var resolved));
        Assert.Equal("a/toRoot", resolved.Relative);
        Assert.Equal(SandboxRefusal.None, _sandbox.Resolve("", "a/toRoot/", followLast: false, out resolved));
        Assert.Equal("", resolved.Relative);
    }

    [Theory]
    [InlineData("", "..", SandboxRefusal.Escape)]
    [InlineData("a/b", "../../..", SandboxRefusal.Escape)]
    [InlineData("", "a/toRoot/..", SandboxRefusal.Escape)]
    [InlineData("", "/", SandboxRefusal.Escape)]
    [InlineData("", "self", SandboxRefusal.Loop)]
    [InlineData("", "self/x", SandboxRefusal.Loop)]
    [InlineData("", "missing/x", SandboxRefusal.NoEntry)]
    [InlineData("", "missing/../file", SandboxRefusal.NoEntry)]
    [InlineData("", "file/x", SandboxRefusal.NotDirectory)]
    [InlineData("", "", SandboxRefusal.Invalid)]
    [InlineData("", "a\0b", SandboxRefusal.Invalid)]
    public void Refuses(string from, string path, SandboxRefusal expected)
    {
        Assert.Equal(expected, _sandbox.Resolve(from, path, followLast: true, out _));
    }

    [Fact]
    public void Long_paths_and_names_are_refused()
    {
        Assert.Equal(SandboxRefusal.NameTooLong, _sandbox.Resolve("", new string('x', WasiSandbox.MaxComponentLength + 1), true, out _));
        Assert.Equal(SandboxRefusal.NameTooLong, _sandbox.Resolve("", string.Concat(System.Linq.Enumerable.Repeat("a/", WasiSandbox.MaxPathLength)), true, out _));
    }
}
