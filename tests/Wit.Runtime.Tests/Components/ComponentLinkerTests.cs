using Wit.Runtime.Canonical;
using Wit.Runtime.Component;
using Xunit;

namespace Wit.Runtime.Tests.Components;

public sealed class ComponentLinkerTests
{
    [Theory]
    [InlineData("wasi:cli/stdout@0.2.0", "wasi:cli/stdout@0.2.0", true)]
    [InlineData("wasi:cli/stdout@0.2.0", "wasi:cli/stdout@0.2.6", true)]
    [InlineData("wasi:cli/stdout@0.2.6", "wasi:cli/stdout@0.2.0", true)]
    [InlineData("wasi:cli/stdout@0.2.0", "wasi:cli/stdout@0.3.0", false)]
    [InlineData("a:b/c@1.2.0", "a:b/c@1.9.3", true)]
    [InlineData("a:b/c@1.2.0", "a:b/c@2.0.0", false)]
    [InlineData("a:b/c@0.0.1", "a:b/c@0.0.2", false)]
    [InlineData("a:b/c@1.0.0-rc1", "a:b/c@1.0.0", false)]
    [InlineData("wasi:cli/stdout@0.2.0", "wasi:cli/stderr@0.2.0", false)]
    [InlineData("wasi:cli/stdout", "wasi:cli/stdout@0.2.0", false)]
    public void Versions_match_when_semver_compatible(string defined, string imported, bool expected) =>
        Assert.Equal(expected, ComponentLinker.Matches(defined, imported));

    [Fact]
    public void Functions_and_resources_are_found_through_a_compatible_version()
    {
        var linker = new ComponentLinker();
        var stream = linker.DefineResource("wasi:io/streams@0.2.0", "output-stream");
        linker.DefineFunction("wasi:cli/stdout@0.2.0", "get-stdout", _ => ComponentValue.U32(7));

        Assert.True(linker.TryGetFunction("wasi:cli/stdout@0.2.3", "get-stdout", out var f));
        Assert.Equal(7UL, f(System.Array.Empty<ComponentValue>())!.Bits);
        Assert.True(linker.TryGetResource("wasi:io/streams@0.2.9", "output-stream", out var r));
        Assert.Same(stream, r);
        Assert.Same(linker.Host, r.Implementation);
        Assert.False(linker.TryGetFunction("wasi:cli/stdout@0.3.0", "get-stdout", out _));
        Assert.False(linker.TryGetFunction("wasi:cli/stdout@0.2.0", "get-stderr", out _));
        Assert.True(linker.HasInstance("wasi:io/streams@0.2.1"));
        Assert.False(linker.HasInstance("wasi:io/poll@0.2.1"));
    }
}
