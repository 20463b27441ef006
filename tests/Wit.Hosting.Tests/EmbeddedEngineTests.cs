namespace Wit.Hosting.Tests;

/// <summary>
/// <see cref="TypedMarshallingTests"/> on the embedded engine (Wit.Runtime's interpreter behind <c>EmbeddedLinker</c>):
/// the same generated bindings, host and assertions as on Wasmtime, with the linker the one line changed.
/// </summary>
public sealed class TypedMarshallingOnEmbeddedEngineTests : TypedMarshallingTests
{
    public TypedMarshallingOnEmbeddedEngineTests()
        : base(embedded: true)
    {
    }
}

/// <summary><see cref="ResourceTests"/> (a resource the host implements) on the embedded engine.</summary>
public sealed class ResourcesOnEmbeddedEngineTests : ResourceTests
{
    public ResourcesOnEmbeddedEngineTests()
        : base(embedded: true)
    {
    }
}

/// <summary><see cref="ComponentResourceTests"/> (resources the component implements) on the embedded engine.</summary>
public sealed class ComponentResourcesOnEmbeddedEngineTests : ComponentResourceTests
{
    public ComponentResourcesOnEmbeddedEngineTests()
        : base(embedded: true)
    {
    }
}
