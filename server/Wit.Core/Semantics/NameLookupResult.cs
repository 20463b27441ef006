namespace Wit.Core.Semantics;

/// <summary>
/// What <see cref="PackageLookup"/> found for a name: the item with its canonical name, or the reason there is none.
/// </summary>
public sealed class NameLookupResult
{
    private NameLookupResult(object? item, string name, string error)
    {
        Item = item;
        Name = name;
        Error = error;
    }

    /// <summary>The <see cref="Interface"/>, <see cref="World"/>, <see cref="TypeDefinition"/> or <see cref="Function"/> found; null when none was.</summary>
    public object? Item { get; }

    /// <summary>
    /// The found item's canonical name (<c>ns:pkg/iface@v</c>, <c>ns:pkg/world@v</c>, <c>ns:pkg/iface@v.item</c>, with the
    /// function's component-model name, e.g. <c>[method]r.f</c>); empty when nothing was found.
    /// </summary>
    public string Name { get; }

    /// <summary>Why nothing was found, in a sentence that can be shown as is; empty when something was.</summary>
    public string Error { get; }

    /// <summary>Whether an item was found.</summary>
    public bool Found => Item is not null;

    internal static NameLookupResult Of(object item, string name) => new(item, name, string.Empty);

    internal static NameLookupResult Failed(string error) => new(null, string.Empty, error);
}
