using System;
using System.Collections.Generic;
using System.CommandLine;
using Wit.Core.Semantics;

namespace Wit.Cli;

/// <summary>
/// The <c>--features a,b</c> and <c>--all-features</c> options shared by the commands that resolve WIT, as
/// <c>wasm-tools component wit</c> spells them: features may be separated by commas, spaces, or given several times.
/// </summary>
public sealed class FeatureOptions
{
    private FeatureOptions()
    {
        Features = new Option<string[]>("--features")
        {
            Description = "Enable these @unstable features (comma-separated, may be repeated)",
            AllowMultipleArgumentsPerToken = false,
        };
        AllFeatures = new Option<bool>("--all-features")
        {
            Description = "Enable every @unstable feature",
        };
    }

    /// <summary><c>--features</c>.</summary>
    public Option<string[]> Features { get; }

    /// <summary><c>--all-features</c>.</summary>
    public Option<bool> AllFeatures { get; }

    /// <summary>Creates the options and adds them to <paramref name="command"/>.</summary>
    public static FeatureOptions AddTo(Command command)
    {
        var options = new FeatureOptions();
        command.Add(options.Features);
        command.Add(options.AllFeatures);
        return options;
    }

    /// <summary>The resolve options the parsed command line asks for.</summary>
    /// <remarks>
    /// An option not given is not asked for its value: System.CommandLine makes an array option's default through
    /// <c>Array.CreateInstance</c>, whose type lookups a native process faults in at start (a cold check of WASI 0.3
    /// <c>http</c> took 14 of its 307 page faults there).
    /// </remarks>
    public ResolveOptions ToResolveOptions(ParseResult result) =>
        Create(result.GetResult(Features) is null ? Array.Empty<string>() : result.GetValue(Features) ?? Array.Empty<string>(), result.GetValue(AllFeatures));

    /// <summary>Splits every value at commas and whitespace, dropping empty names.</summary>
    public static ResolveOptions Create(IEnumerable<string> values, bool allFeatures)
    {
        var features = new List<string>();
        foreach (string value in values)
        {
            foreach (string name in value.Split(new[] { ',', ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries)) features.Add(name);
        }

        return new ResolveOptions(features, allFeatures);
    }
}
