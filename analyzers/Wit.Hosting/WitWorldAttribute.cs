using System;

namespace Wit.Hosting;

/// <summary>
/// Marks the generated class that stands for a world: its name and the C# interfaces a host implements, one per
/// imported interface (and one for the world's own function imports). The <c>WITH0101</c> analyzer reads it.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class WitWorldAttribute : Attribute
{
    /// <summary>The world <paramref name="name"/> (<c>ns:pkg/world@v</c>) whose host implements <paramref name="imports"/>.</summary>
    public WitWorldAttribute(string name, params Type[] imports)
    {
        Name = name;
        Imports = imports;
    }

    /// <summary>The world's qualified name.</summary>
    public string Name { get; }

    /// <summary>The generated interfaces the world's host implements.</summary>
    public Type[] Imports { get; }
}
