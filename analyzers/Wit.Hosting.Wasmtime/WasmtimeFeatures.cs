using System;
using Wasmtime;

namespace Wit.Hosting.Wasmtime;

/// <summary>
/// Component-model features of Wasmtime 50 the .NET binding's <see cref="Config"/> has no setter for, set through
/// libwasmtime's C API on the configuration before an <see cref="Engine"/> is made from it.
/// </summary>
public static class WasmtimeFeatures
{
    /// <summary>
    /// Enables WIT's <c>map&lt;K, V&gt;</c> in components (off by default in Wasmtime 50: a component whose types
    /// use a map fails to compile without it) and returns <paramref name="config"/>.
    /// </summary>
    public static Config WithComponentModelMap(this Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        Native.wasmtime_config_wasm_component_model_map_set(Native.HandleOf(config), true);
        return config;
    }
}
