using System.Collections.Generic;
using System.IO;
using Example.Maps.Maps;
using Wasmtime;
using Wasmtime.Components;
using Wit.Hosting.Wasmtime;
using Xunit;

namespace Wit.Hosting.Tests;

/// <summary>
/// WIT's <c>map&lt;K, V&gt;</c> through the generated bindings on Wasmtime (<c>Components/maps.wit</c>, <c>maps.wat</c>):
/// a <see cref="Dictionary{TKey, TValue}"/> goes into the component, out to the host's import and back, entries in order.
/// </summary>
public sealed class MapTests
{
    private static string Text => File.ReadAllText(Path.Combine(System.AppContext.BaseDirectory, "Components", "maps.wat"));

    [Fact]
    public void A_dictionary_crosses_to_the_component_and_to_the_host_and_back()
    {
        using var engine = new Engine(new Config().WithComponentModelMap());
        using var component = Component.FromText(engine, Text);
        using var linker = new WasmtimeLinker(engine, component);
        var host = new Host();
        using var exports = MapsWorld.Instantiate(linker, host);

        var inverted = exports.Run(new Dictionary<string, uint> { ["one"] = 1, ["two"] = 2, ["dreißig"] = 30 });

        Assert.Equal(new Dictionary<string, uint> { ["one"] = 1, ["two"] = 2, ["dreißig"] = 30 }, host.Seen);
        Assert.Equal(new[] { 1u, 2u, 30u }, inverted.Keys);
        Assert.Equal(new[] { "one", "two", "dreißig" }, inverted.Values);
        Assert.Empty(exports.Run(new Dictionary<string, uint>()));
    }

    [Fact]
    public void A_null_dictionary_is_refused_before_the_call()
    {
        using var engine = new Engine(new Config().WithComponentModelMap());
        using var component = Component.FromText(engine, Text);
        using var linker = new WasmtimeLinker(engine, component);
        using var exports = MapsWorld.Instantiate(linker, new Host());

        Assert.Throws<System.ArgumentNullException>(() => exports.Run(null!));
    }

    [Fact]
    public void Without_the_map_feature_Wasmtime_refuses_a_component_with_maps()
    {
        using var engine = new Engine();

        var error = Assert.Throws<WasmtimeException>(() => Component.FromText(engine, Text));

        Assert.Contains("Maps require the component model map feature", error.Message);
    }

    private sealed class Host : IMapsImports
    {
        public Dictionary<string, uint>? Seen { get; private set; }

        public Dictionary<uint, string> Invert(Dictionary<string, uint> m)
        {
            Seen = m;
            var inverted = new Dictionary<uint, string>();
            foreach (var entry in m) inverted[entry.Value] = entry.Key;
            return inverted;
        }
    }
}
