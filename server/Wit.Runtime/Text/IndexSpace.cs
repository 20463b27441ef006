using System.Collections.Generic;

namespace Wit.Runtime.Text;

/// <summary>One of the text format's index spaces (functions, types, locals, ...): its size and its <c>$names</c>.</summary>
internal sealed class IndexSpace
{
    private readonly Dictionary<string, uint> _byName = new(System.StringComparer.Ordinal);

    public IndexSpace(string kind) => Kind = kind;

    /// <summary>The word in errors: "duplicate func", "unknown func".</summary>
    public string Kind { get; }

    public uint Count { get; private set; }

    /// <summary>Adds the next index, named by <paramref name="id"/> when it is an <c>$id</c>.</summary>
    public uint Define(SExpr? id, WatContext context)
    {
        if (id != null && id.IsId)
        {
            if (!_byName.TryAdd(id.Text, Count))
            {
                throw context.Error(id, "duplicate " + Kind);
            }
        }
        return Count++;
    }

    public bool TryGet(string name, out uint index) => _byName.TryGetValue(name, out index);

    /// <summary>The index an atom names: an <c>$id</c> of this space, or a u32 literal.</summary>
    public uint Resolve(SExpr atom, WatContext context)
    {
        if (!atom.IsAtom)
        {
            throw context.Error(atom, "unexpected token");
        }
        if (atom.IsId)
        {
            return _byName.TryGetValue(atom.Text, out uint index) ? index : throw context.Error(atom, "unknown " + Kind);
        }
        return context.U32(atom);
    }
}
