namespace Wit.Runtime.Component;

/// <summary>
/// A component as a value of a running instance's index space: its decoded definition and the instance state it was
/// defined in, which its outer aliases read when it is instantiated.
/// </summary>
public sealed class ComponentDefinition
{
    internal ComponentDefinition(WasmComponent component, ComponentFrame? enclosing)
    {
        Component = component;
        Enclosing = enclosing;
    }

    public WasmComponent Component { get; }

    internal ComponentFrame? Enclosing { get; }
}
