using System.Collections.Generic;

namespace Wit.DebugAdapter.Dwarf;

internal enum CTypeKind
{
    Base,
    Pointer,
    Struct,
    Union,
    Array,
    Enum,
    Function,
    Void,
    Unknown,
}

/// <summary>A member of a struct or union: its name, byte offset and type.</summary>
internal sealed record CMember(string Name, ulong Offset, CType Type);

/// <summary>
/// A C type as DWARF describes it, with typedefs and qualifiers folded into <see cref="Name"/> (what the user sees)
/// and the type beneath them in the other fields. A pointer's target is resolved when first asked (self-referential
/// structs are finite that way).
/// </summary>
internal sealed class CType
{
    private readonly CTypeTable? _table;
    private readonly DwarfDie? _targetDie;
    private CType? _target;

    public CType(CTypeKind kind, string name, ulong size, CTypeTable? table = null, DwarfDie? targetDie = null)
    {
        Kind = kind;
        Name = name;
        Size = size;
        _table = table;
        _targetDie = targetDie;
    }

    public CTypeKind Kind { get; }

    public string Name { get; set; }

    public ulong Size { get; set; }

    /// <summary>For base types: DW_ATE_*.</summary>
    public int Encoding { get; init; }

    /// <summary>Struct and union members (filled after construction, so a member may refer to its own struct).</summary>
    public List<CMember> Members { get; } = new();

    /// <summary>For arrays: the element count (-1 when unknown: a flexible array member, a VLA).</summary>
    public long Count { get; init; } = -1;

    /// <summary>For enums: the enumerators.</summary>
    public List<(string Name, long Value)> Enumerators { get; } = new();

    /// <summary>The pointee (pointers) or element (arrays) type.</summary>
    public CType? Target
    {
        get
        {
            if (_target == null && _table != null)
            {
                _target = _table.Get(_targetDie);
            }
            return _target;
        }
        init => _target = value;
    }

    public bool IsScalar => Kind is CTypeKind.Base or CTypeKind.Pointer or CTypeKind.Enum;

    public bool IsChar => Kind == CTypeKind.Base && Size == 1 && Encoding is DwarfConstants.AteSignedChar or DwarfConstants.AteUnsignedChar;

    public bool IsSigned => Encoding is DwarfConstants.AteSigned or DwarfConstants.AteSignedChar;

    /// <summary>A copy of this type shown under another name (a typedef or qualifier over it).</summary>
    public CType Named(string name)
    {
        var copy = new CType(Kind, name, Size, _table, _targetDie) { Encoding = Encoding, Count = Count };
        if (_target != null)
        {
            copy._target = _target;
        }
        copy.Members.AddRange(Members);
        copy.Enumerators.AddRange(Enumerators);
        return copy;
    }
}

/// <summary>
/// Builds <see cref="CType"/>s from type DIEs, once per DIE. Chains of typedefs and qualifiers and nesting of
/// aggregates are followed at most <see cref="MaxDepth"/> deep (a malformed cycle ends in an unknown type), and a
/// struct's own DIE is cached before its members are read, so a cycle through members costs nothing more.
/// </summary>
internal sealed class CTypeTable
{
    public const int MaxDepth = 32;
    public const int MaxMembers = 4096;

    private readonly DebugInfo _info;
    private readonly Dictionary<int, CType> _cache = new();

    public CTypeTable(DebugInfo info) => _info = info;

    public static readonly CType Void = new(CTypeKind.Void, "void", 0);

    public CType Get(DwarfDie? die)
    {
        lock (_cache)
        {
            return Get(die, 0);
        }
    }

    private CType Get(DwarfDie? die, int depth)
    {
        if (die == null)
        {
            return Void;
        }
        if (_cache.TryGetValue(die.Offset, out var cached))
        {
            return cached;
        }
        if (depth > MaxDepth)
        {
            return new CType(CTypeKind.Unknown, "?", 0);
        }
        var type = Build(die, depth);
        _cache[die.Offset] = type;
        return type;
    }

    private CType Build(DwarfDie die, int depth)
    {
        string? name = _info.Name(die);
        ulong size = _info.Constant(die, DwarfConstants.AtByteSize) ?? 0;
        var inner = _info.Reference(die, DwarfConstants.AtType);
        switch (die.Tag)
        {
            case DwarfConstants.TagBaseType:
                return new CType(CTypeKind.Base, name ?? "?", size) { Encoding = (int)(_info.Constant(die, DwarfConstants.AtEncoding) ?? 0) };
            case DwarfConstants.TagPointerType:
            case DwarfConstants.TagReferenceType:
                {
                    var target = inner == null ? Void : null;
                    string targetName = inner == null ? "void" : TypeName(inner, depth + 1);
                    return new CType(CTypeKind.Pointer, PointerTo(targetName), size == 0 ? 4 : size, this, inner) { Target = target! };
                }
            case DwarfConstants.TagTypedef:
                return Get(inner, depth + 1).Named(name ?? "?");
            case DwarfConstants.TagConstType:
            case DwarfConstants.TagVolatileType:
            case DwarfConstants.TagRestrictType:
            case DwarfConstants.TagAtomicType:
                {
                    string qualifier = die.Tag switch
                    {
                        DwarfConstants.TagConstType => "const",
                        DwarfConstants.TagVolatileType => "volatile",
                        DwarfConstants.TagRestrictType => "restrict",
                        _ => "_Atomic",
                    };
                    var under = Get(inner, depth + 1);
                    return under.Named(under.Kind == CTypeKind.Pointer ? under.Name + " " + qualifier : qualifier + " " + under.Name);
                }
            case DwarfConstants.TagStructureType:
            case DwarfConstants.TagClassType:
            case DwarfConstants.TagUnionType:
                {
                    bool union = die.Tag == DwarfConstants.TagUnionType;
                    var type = new CType(union ? CTypeKind.Union : CTypeKind.Struct, (union ? "union " : "struct ") + (name ?? "(anonymous)"), size);
                    _cache[die.Offset] = type;
                    foreach (var child in die.Children)
                    {
                        if (child.Tag != DwarfConstants.TagMember || type.Members.Count >= MaxMembers)
                        {
                            continue;
                        }
                        ulong offset = _info.Constant(child, DwarfConstants.AtDataMemberLocation) ?? 0;
                        type.Members.Add(new CMember(_info.Name(child) ?? "(anonymous)", offset, Get(_info.Reference(child, DwarfConstants.AtType), depth + 1)));
                    }
                    return type;
                }
            case DwarfConstants.TagEnumerationType:
                {
                    var under = inner != null ? Get(inner, depth + 1) : null;
                    var type = new CType(CTypeKind.Enum, "enum " + (name ?? "(anonymous)"), size == 0 ? under?.Size ?? 4 : size)
                    {
                        Encoding = under?.Encoding ?? DwarfConstants.AteUnsigned,
                    };
                    foreach (var child in die.Children)
                    {
                        if (child.Tag == DwarfConstants.TagEnumerator && type.Enumerators.Count < MaxMembers)
                        {
                            type.Enumerators.Add((_info.Name(child) ?? "?", _info.SignedConstant(child, DwarfConstants.AtConstValue) ?? 0));
                        }
                    }
                    return type;
                }
            case DwarfConstants.TagArrayType:
                {
                    var element = Get(inner, depth + 1);
                    var counts = new List<long>();
                    foreach (var child in die.Children)
                    {
                        if (child.Tag == DwarfConstants.TagSubrangeType)
                        {
                            long count = _info.Constant(child, DwarfConstants.AtCount) is { } c ? (long)c
                                : _info.SignedConstant(child, DwarfConstants.AtUpperBound) is { } ub && child.Attribute(DwarfConstants.AtUpperBound) is { BlockLength: 0 } ? ub + 1
                                : -1;
                            counts.Add(count);
                        }
                    }
                    if (counts.Count == 0)
                    {
                        counts.Add(-1);
                    }
                    // int m[2][3] is an array of 2 arrays of 3: build from the innermost dimension out.
                    var type = element;
                    for (int i = counts.Count - 1; i >= 0 && i >= counts.Count - MaxDepth; i--)
                    {
                        long n = counts[i];
                        string dims = n >= 0 ? $"[{n}]" : "[]";
                        string typeName = type.Kind == CTypeKind.Array ? InsertDimension(type.Name, dims) : type.Name + " " + dims;
                        type = new CType(CTypeKind.Array, typeName, n >= 0 ? (ulong)n * type.Size : 0) { Count = n, Target = type };
                    }
                    return type;
                }
            case DwarfConstants.TagSubroutineType:
                return new CType(CTypeKind.Function, "function", 0);
            default:
                return new CType(CTypeKind.Unknown, name ?? $"tag 0x{die.Tag:x}", size);
        }
    }

    /// <summary>A type's name without building it (a pointer's target may be the struct being built).</summary>
    private string TypeName(DwarfDie die, int depth)
    {
        if (_cache.TryGetValue(die.Offset, out var cached))
        {
            return cached.Name;
        }
        if (depth > MaxDepth)
        {
            return "?";
        }
        string? name = _info.Name(die);
        var inner = _info.Reference(die, DwarfConstants.AtType);
        return die.Tag switch
        {
            DwarfConstants.TagStructureType or DwarfConstants.TagClassType => "struct " + (name ?? "(anonymous)"),
            DwarfConstants.TagUnionType => "union " + (name ?? "(anonymous)"),
            DwarfConstants.TagEnumerationType => "enum " + (name ?? "(anonymous)"),
            DwarfConstants.TagPointerType => PointerTo(inner == null ? "void" : TypeName(inner, depth + 1)),
            DwarfConstants.TagConstType => (inner == null ? "const void" : "const " + TypeName(inner, depth + 1)),
            DwarfConstants.TagVolatileType => (inner == null ? "volatile void" : "volatile " + TypeName(inner, depth + 1)),
            DwarfConstants.TagSubroutineType => "function",
            _ => name ?? (inner == null ? "void" : TypeName(inner, depth + 1)),
        };
    }

    private static string PointerTo(string target) => target.EndsWith('*') ? target + "*" : target + " *";

    private static string InsertDimension(string arrayName, string dims)
    {
        int at = arrayName.IndexOf('[');
        return at < 0 ? arrayName + " " + dims : arrayName[..at] + dims + arrayName[at..];
    }
}
