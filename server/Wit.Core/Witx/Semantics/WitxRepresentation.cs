using System.Collections.Generic;

namespace Wit.Core.Witx.Semantics;

/// <summary>
/// Whether values of one WITX type can be represented by another (the witx crate's <c>representable</c>), used to
/// check that a newer version of an interface still understands an older one's values. Names do not matter, structure
/// does: a variant is represented by one with the same cases at the same positions plus more, or a wider tag; records
/// and everything inside them must be equal; a narrower unsigned integer is represented by a wider one.
/// </summary>
public static class WitxRepresentation
{
    /// <summary>How <paramref name="self"/>'s values relate to <paramref name="by"/>'s representation.</summary>
    /// <remarks>
    /// The comparison walks both types together with an explicit stack. A superset found anywhere makes the answer a
    /// superset, except inside a record, whose members must be equal: there it makes the answer not equal.
    /// </remarks>
    public static WitxRepEquality Compare(WitxType self, WitxType by)
    {
        bool superset = false;
        var work = new Stack<(WitxType Self, WitxType By, bool Strict)>();
        work.Push((self, by, false));
        while (work.Count > 0)
        {
            var (a, b, strict) = work.Pop();
            var step = Step(a, b, strict, work);
            if (step == WitxRepEquality.NotEq || step == WitxRepEquality.Superset && strict) return WitxRepEquality.NotEq;
            superset |= step == WitxRepEquality.Superset;
        }

        return superset ? WitxRepEquality.Superset : WitxRepEquality.Eq;
    }

    /// <summary>Compares one level and queues the pairs of contained types that must be compared too.</summary>
    private static WitxRepEquality Step(WitxType a, WitxType b, bool strict, Stack<(WitxType, WitxType, bool)> work)
    {
        if (a.Kind != b.Kind || a.Kind == WitxTypeKind.Error) return WitxRepEquality.NotEq;
        switch (a.Kind)
        {
            case WitxTypeKind.Builtin:
                return Builtin(a.Builtin, b.Builtin);
            case WitxTypeKind.Handle:
                // Handles are nominal: any two represent each other.
                return WitxRepEquality.Eq;
            case WitxTypeKind.List:
            case WitxTypeKind.Pointer:
            case WitxTypeKind.ConstPointer:
                work.Push((a.Element!.Type, b.Element!.Type, strict));
                return WitxRepEquality.Eq;
            case WitxTypeKind.Record:
                if (a.Members.Count != b.Members.Count) return WitxRepEquality.NotEq;
                for (int i = 0; i < a.Members.Count; i++)
                {
                    if (a.Members[i].Name != b.Members[i].Name) return WitxRepEquality.NotEq;
                    work.Push((a.Members[i].Type!.Type, b.Members[i].Type!.Type, true));
                }

                return WitxRepEquality.Eq;
            default:
                return Variant(a, b, strict, work);
        }
    }

    private static WitxRepEquality Variant(WitxType a, WitxType b, bool strict, Stack<(WitxType, WitxType, bool)> work)
    {
        var result = Int(a.Repr, b.Repr);
        if (result == WitxRepEquality.NotEq) return result;
        var byName = new Dictionary<string, int>();
        for (int i = 0; i < b.Members.Count; i++) byName[b.Members[i].Name] = i;
        for (int i = 0; i < a.Members.Count; i++)
        {
            // A case must keep its name and its position, which is its tag value.
            if (!byName.TryGetValue(a.Members[i].Name, out int j) || i != j) return WitxRepEquality.NotEq;
            var mine = a.Members[i].Type;
            var theirs = b.Members[j].Type;
            if (mine is not null && theirs is null) return WitxRepEquality.NotEq;
            if (mine is null && theirs is not null) result = WitxRepEquality.Superset;
            if (mine is not null && theirs is not null) work.Push((mine.Type, theirs.Type, strict));
        }

        return a.Members.Count < b.Members.Count ? WitxRepEquality.Superset : result;
    }

    /// <summary>A tag is represented by a wider one; the crate lists no wider tag for <c>u8</c>, so it only equals itself.</summary>
    private static WitxRepEquality Int(WitxIntRepr self, WitxIntRepr by)
    {
        if (self == by) return WitxRepEquality.Eq;
        return self switch
        {
            WitxIntRepr.U16 when by is WitxIntRepr.U32 or WitxIntRepr.U64 => WitxRepEquality.Superset,
            WitxIntRepr.U32 when by is WitxIntRepr.U64 => WitxRepEquality.Superset,
            _ => WitxRepEquality.NotEq,
        };
    }

    private static WitxRepEquality Builtin(WitxBuiltinType self, WitxBuiltinType by)
    {
        if (self == by) return WitxRepEquality.Eq;
        bool wider = self switch
        {
            WitxBuiltinType.U8 or WitxBuiltinType.Char8 => by is WitxBuiltinType.U16 or WitxBuiltinType.U32 or WitxBuiltinType.Usize or WitxBuiltinType.U64,
            WitxBuiltinType.U16 => by is WitxBuiltinType.U32 or WitxBuiltinType.Usize or WitxBuiltinType.U64,
            WitxBuiltinType.U32 or WitxBuiltinType.Usize => by is WitxBuiltinType.U64,
            _ => false,
        };
        return wider ? WitxRepEquality.Superset : WitxRepEquality.NotEq;
    }
}
