using System;
using System.IO;
using System.Text;
using Wasmtime;
using Wasmtime.Components;
using Wit.Hosting.Wasmtime;
using Xunit;

namespace Wit.Hosting.Tests;

/// <summary>
/// Wit.Hosting's contract on Wasmtime, end to end: a component in the component text format
/// (<c>Components/echo.wat</c>) imports host functions defined through <see cref="IWitLinker"/> and exports
/// functions called through <see cref="IWitInstance"/>.
/// </summary>
public sealed class WasmtimeEndToEndTests : IDisposable
{
    private const string Host = "example:echo/host";
    private readonly Engine _engine = new();
    private readonly Component _component;
    private readonly WasmtimeLinker _linker;

    public WasmtimeEndToEndTests()
    {
        _component = Component.FromText(_engine, File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Components", "echo.wat")));
        _linker = new WasmtimeLinker(_engine, _component);
        _linker.DefineFunction(Host, "add", args => WitValue.U32(args[0].AsU32() + args[1].AsU32()));
        _linker.DefineFunction(Host, "shout", args => WitValue.String(args[0].AsString().ToUpperInvariant() + "!"));
        _linker.DefineFunction(Host, "fail", _ => throw new InvalidOperationException("the host refuses"));
        _linker.DefineFunction(null, "seed", _ => WitValue.S64(-1_000_000_000_000));
    }

    public void Dispose()
    {
        _linker.Dispose();
        _component.Dispose();
        _engine.Dispose();
    }

    [Theory]
    [InlineData(0u, 2u)]
    [InlineData(20u, 42u)]
    [InlineData(uint.MaxValue, 0u)]
    public void An_export_calls_an_imported_interface_function_with_integers(uint x, uint expected)
    {
        using var instance = _linker.Instantiate();

        Assert.Equal(WitValue.U32(expected), instance.Call(null, "run", new[] { WitValue.U32(x) }));
    }

    [Theory]
    [InlineData("hello", "HELLO!")]
    [InlineData("", "!")]
    [InlineData("grüße, 世界 🌍", "GRÜßE, 世界 🌍!")]
    public void Strings_round_trip_host_to_component_to_host(string text, string expected)
    {
        using var instance = _linker.Instantiate();

        Assert.Equal(WitValue.String(expected), instance.Call(null, "echo", new[] { WitValue.String(text) }));
    }

    [Fact]
    public void Every_primitive_kind_crosses_and_the_world_import_is_called()
    {
        using var instance = _linker.Instantiate();

        var result = instance.Call(null, "mix", new[]
        {
            WitValue.S8(-100), WitValue.U16(65535), WitValue.F32(0.5f), WitValue.F64(0.25), WitValue.Bool(true), WitValue.Char(new Rune(0x1F30D)),
        });

        Assert.Equal(WitValue.F64(-100 + 65535 + 0.5 + 0.25 + 1 + 0x1F30D - 1_000_000_000_000), result);
    }

    [Fact]
    public void A_trap_surfaces_as_an_exception_naming_the_WIT_function()
    {
        using var instance = _linker.Instantiate();

        var trap = Assert.Throws<WitTrapException>(() => instance.Call(null, "boom", Array.Empty<WitValue>()));

        Assert.Equal("boom", trap.Function);
        Assert.StartsWith("wasm trap in WIT function `boom`: ", trap.Message);
        Assert.Contains("unreachable", trap.Reason);
    }

    [Fact]
    public void A_host_exception_becomes_a_trap_of_the_call_and_the_host_goes_on()
    {
        using var instance = _linker.Instantiate();

        var trap = Assert.Throws<WitTrapException>(() => instance.Call(null, "call-fail", Array.Empty<WitValue>()));

        Assert.Equal("call-fail", trap.Function);
        Assert.Contains("the host function `example:echo/host#fail` threw InvalidOperationException: the host refuses", trap.Message);
        Assert.IsType<InvalidOperationException>(trap.InnerException);

        // As the component model says, a trapped instance cannot be entered again; the host goes on with a new one.
        var after = Assert.Throws<WitTrapException>(() => instance.Call(null, "run", new[] { WitValue.U32(1) }));
        Assert.Contains("cannot enter component instance", after.Reason);
        using var fresh = _linker.Instantiate();
        Assert.Equal(WitValue.U32(4), fresh.Call(null, "run", new[] { WitValue.U32(1) }));
    }

    [Fact]
    public void Calling_a_function_the_component_does_not_export_is_a_clear_error()
    {
        using var instance = _linker.Instantiate();

        var error = Assert.Throws<ArgumentException>(() => instance.Call(null, "missing", Array.Empty<WitValue>()));

        Assert.Contains("The component exports no function `missing`.", error.Message);
    }
}
