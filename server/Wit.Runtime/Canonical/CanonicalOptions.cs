using Wit.Runtime.Execution;

namespace Wit.Runtime.Canonical;

/// <summary>The guest's <c>realloc(old_ptr, old_size, align, new_size) -> ptr</c>, as the instantiation calls it on its engine.</summary>
public delegate ulong CanonicalRealloc(ulong oldPointer, ulong oldSize, ulong alignment, ulong newSize);

/// <summary>The guest's <c>post-return</c>, called with the flat results of the call it follows.</summary>
public delegate void CanonicalPostReturn(WasmValue[] flatResults);

/// <summary>
/// The canonical options of a lift or lower (<c>string-encoding</c>, <c>memory</c>, <c>realloc</c>, <c>post-return</c>):
/// what the instantiation read from a component's <c>canon</c> definition, with its memory and functions resolved.
/// </summary>
public sealed class CanonicalOptions
{
    public StringEncoding StringEncoding { get; init; } = StringEncoding.Utf8;

    /// <summary>The linear memory values are loaded from and stored to (required as soon as one is).</summary>
    public MemoryInstance? Memory { get; init; }

    /// <summary>Whether pointers are 64-bit (a <c>memory64</c> memory): must match the <see cref="Wit.Core.Abi.CanonicalAbi"/> in use.</summary>
    public bool Memory64 { get; init; }

    public CanonicalRealloc? Realloc { get; init; }

    public CanonicalPostReturn? PostReturn { get; init; }

    /// <summary>Told the bytes of each string and list a lift reads from or a lower writes to <see cref="Memory"/> (a live fact of <c>wit inspect</c>).</summary>
    public System.Action<long>? Copied { get; init; }
}
