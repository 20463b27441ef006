using System;
#if NET
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
#endif

namespace Wit.Core.Syntax;

/// <summary>
/// The children of a node being built (the parser's slot lists, see <see cref="GreenNode.Create(SyntaxKind, SlotList, GreenDiagnostic[])"/>).
/// The elements are held in an array of a one-field struct: a store into a <c>GreenElement[]</c> (a
/// <c>List&lt;GreenElement&gt;</c>) or an <c>object[]</c> calls the runtime to check the element's class against the
/// array's (array covariance), a store into a struct's field does not, and every token and node of a parse is stored once.
/// </summary>
internal sealed class SlotList
{
    private Slot[] _items = new Slot[8];

    /// <summary>An element in the array (see the class's summary).</summary>
    private struct Slot
    {
        public GreenElement? Element;
    }

    public int Count { get; private set; }

    public GreenElement this[int index]
    {
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        get
        {
            if ((uint)index >= (uint)Count) throw new ArgumentOutOfRangeException(nameof(index));
            return _items[index].Element!;
        }
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public void Add(GreenElement element)
    {
        if (Count == _items.Length) Array.Resize(ref _items, _items.Length * 2);
        _items[Count++].Element = element;
    }

    /// <summary>
    /// Empties the list. The references stay in the array until overwritten: a parser's lists live only as long as
    /// its parse, whose tree holds those elements anyway, and clearing them cost 1.4% of a large file's parse.
    /// </summary>
    public void Clear() => Count = 0;

#if NET
    /// <summary>The elements, as long as nothing is added or cleared.</summary>
    public ReadOnlySpan<GreenElement> AsSpan() =>
        MemoryMarshal.CreateReadOnlySpan(ref Unsafe.As<Slot, GreenElement>(ref MemoryMarshal.GetArrayDataReference(_items)), Count);
#endif

    /// <summary>A copy of the elements.</summary>
    public GreenElement[] ToArray()
    {
#if NET
        return AsSpan().ToArray();
#else
        var array = new GreenElement[Count];
        for (int i = 0; i < array.Length; i++) array[i] = _items[i].Element!;
        return array;
#endif
    }
}
