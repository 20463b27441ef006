using System.Collections.Generic;
using System.IO;

namespace Wit.Runtime.Wasi.Preview2;

/// <summary>What a component run with <see cref="WasiPreview2"/> sees: its arguments, environment, stdio and preopens.</summary>
public sealed class WasiPreview2Options
{
    /// <summary>The arguments, the program's name first (as <c>get-arguments</c> returns them).</summary>
    public IReadOnlyList<string> Arguments { get; init; } = new List<string>();

    public IReadOnlyList<KeyValuePair<string, string>> Environment { get; init; } = new List<KeyValuePair<string, string>>();

    /// <summary>Null: stdin is empty.</summary>
    public Stream? Stdin { get; init; }

    /// <summary>Null: output is discarded.</summary>
    public Stream? Stdout { get; init; }

    public Stream? Stderr { get; init; }

    public IReadOnlyList<WasiPreopen> Preopens { get; init; } = new List<WasiPreopen>();

    /// <summary>What <c>initial-cwd</c> returns (none when null).</summary>
    public string? InitialCwd { get; init; }
}
