using System.Collections.Generic;
using Wit.Core.Semantics;

namespace Wit.Core.Witx.Semantics;

/// <summary>A resolved <c>(module $name ...)</c>: the core module name functions are imported from.</summary>
public sealed class WitxModule
{
    internal WitxModule(string name, SourceLocation location, string? docs)
    {
        Name = name;
        Location = location;
        Docs = docs;
    }

    /// <summary>The name without its <c>$</c>.</summary>
    public string Name { get; }

    /// <summary>The module's imports (its memory).</summary>
    public List<WitxImport> Imports { get; } = new();

    /// <summary>The module's functions, in order.</summary>
    public List<WitxFunction> Functions { get; } = new();

    /// <summary>Where the module's name is written.</summary>
    public SourceLocation Location { get; }

    /// <summary>The <c>;;;</c> doc comment lines, joined; null without any.</summary>
    public string? Docs { get; }

    /// <summary>The function exported under <paramref name="name"/>, or null.</summary>
    public WitxFunction? FindFunction(string name)
    {
        foreach (var function in Functions)
        {
            if (function.Name == name) return function;
        }

        return null;
    }

    public override string ToString() => "$" + Name;
}
