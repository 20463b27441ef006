using System;
using System.IO;
using System.Text;
using Example.Echo.Echo;
using Wasmtime;
using Wasmtime.Components;
using Wit.Hosting.Wasmtime;
using Xunit;

namespace Wit.Hosting.Tests;

/// <summary>
/// The generated bindings of <c>Components/echo.wit</c> (generated while this project builds, as in a host's
/// project) on Wasmtime: the host implements the generated interfaces, <c>EchoWorld.Instantiate</c> registers them and
/// instantiates <c>echo.wat</c>, and the typed exports call it.
/// </summary>
public sealed class GeneratedBindingsTests : ComponentTest
{
    public GeneratedBindingsTests()
        : base("echo.wat")
    {
    }

    [Fact]
    public void Typed_exports_call_the_component_which_calls_the_typed_host()
    {
        using var linker = NewLinker();
        var host = new EchoHost();
        using var exports = EchoWorld.Instantiate(linker, host);

        Assert.Equal(42u, exports.Run(20));
        Assert.Equal("HELLO!", exports.Echo("hello"));
        Assert.Equal(-100 + 65535 + 0.5 + 0.25 + 1 + 0x1F30D - 1_000_000_000_000, exports.Mix(-100, 65535, 0.5f, 0.25, true, new Rune(0x1F30D)));
        Assert.Equal(new[] { "add(20, 1)", "shout(hello)", "seed()" }, host.Calls);
    }

    [Fact]
    public void A_trap_in_a_typed_call_names_the_WIT_function()
    {
        using var linker = NewLinker();
        using var exports = EchoWorld.Instantiate(linker, new EchoHost());

        Assert.Equal("boom", Assert.Throws<WitTrapException>(() => exports.Boom()).Function);
    }

    [Fact]
    public void A_typed_host_exception_becomes_a_trap()
    {
        using var linker = NewLinker();
        using var exports = EchoWorld.Instantiate(linker, new EchoHost());

        var trap = Assert.Throws<WitTrapException>(() => exports.CallFail());

        Assert.Equal("call-fail", trap.Function);
        Assert.Equal("the host refuses", trap.InnerException?.Message);
    }

    [Fact]
    public void The_world_class_lists_the_interfaces_a_host_implements()
    {
        var world = (WitWorldAttribute)Attribute.GetCustomAttribute(typeof(EchoWorld), typeof(WitWorldAttribute))!;

        Assert.Equal("example:echo/echo", world.Name);
        Assert.Equal(new[] { typeof(Example.Echo.Host.IHost), typeof(IEchoImports) }, world.Imports);
    }

    [Fact]
    public void A_second_Wit_item_on_the_same_file_generates_its_world_too()
    {
        Assert.Equal("example:echo/seeded", Example.Echo.Seeded.SeededWorld.Name);
        Assert.Equal(new[] { typeof(Example.Echo.Seeded.ISeededImports) }, ((WitWorldAttribute)Attribute.GetCustomAttribute(typeof(Example.Echo.Seeded.SeededWorld), typeof(WitWorldAttribute))!).Imports);
    }

    [WitHost(typeof(EchoWorld))]
    private sealed class EchoHost : Example.Echo.Host.IHost, IEchoImports
    {
        public System.Collections.Generic.List<string> Calls { get; } = new();

        public uint Add(uint a, uint b)
        {
            Calls.Add($"add({a}, {b})");
            return unchecked(a + b);
        }

        public string Shout(string s)
        {
            Calls.Add($"shout({s})");
            return s.ToUpperInvariant() + "!";
        }

        public void Fail() => throw new InvalidOperationException("the host refuses");

        public long Seed()
        {
            Calls.Add("seed()");
            return -1_000_000_000_000;
        }
    }
}
