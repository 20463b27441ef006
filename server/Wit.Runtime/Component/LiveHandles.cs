namespace Wit.Runtime.Component;

/// <summary>How many handles of one resource type a component instance's table holds, owned and borrowed.</summary>
public sealed record LiveHandles(string Resource, int Owned, int Borrowed);
