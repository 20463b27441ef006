using System;

namespace Wit.Hosting;

/// <summary>
/// Declares that a class implements the imports of a world: <c>[WitHost(typeof(HostWorld))]</c>, where
/// <c>HostWorld</c> is the class the generator emits for the world. The <c>WITH0101</c> analyzer reports every
/// imported interface the class does not implement, and its code fix adds them.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class WitHostAttribute : Attribute
{
    /// <summary>A host of the world <paramref name="world"/> stands for (a generated class marked <see cref="WitWorldAttribute"/>).</summary>
    public WitHostAttribute(Type world)
    {
        World = world;
    }

    /// <summary>The generated world class.</summary>
    public Type World { get; }
}
