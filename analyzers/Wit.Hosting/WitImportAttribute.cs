using System;

namespace Wit.Hosting;

/// <summary>
/// Marks a generated C# interface as the host side of a WIT import: the interface <c>ns:pkg/iface@v</c>, or a
/// world's own function imports. Generated code only; hosts implement the interface.
/// </summary>
[AttributeUsage(AttributeTargets.Interface, Inherited = false)]
public sealed class WitImportAttribute : Attribute
{
    /// <summary>The import named <paramref name="name"/> as the component model names it.</summary>
    public WitImportAttribute(string name)
    {
        Name = name;
    }

    /// <summary>The import's name (<c>wasi:cli/environment@0.2.12</c>, or the world's name for its own functions).</summary>
    public string Name { get; }
}
