using System.Collections.Generic;

namespace Wit.Core.Semantics;

/// <summary>
/// A resolved type definition: a named item (<c>record</c>, <c>resource</c>, <c>type</c> alias, ...) or an anonymous
/// type constructed in place (<c>list&lt;u8&gt;</c>, <c>own&lt;r&gt;</c>). Which members are meaningful depends on
/// <see cref="Kind"/>.
/// </summary>
public sealed class TypeDefinition
{
    private static long s_nextSerial;

    internal TypeDefinition(TypeDefinitionKind kind)
    {
        Kind = kind;
        Serial = System.Threading.Interlocked.Increment(ref s_nextSerial);
    }

    /// <summary>A process-wide unique number, used to key anonymous types structurally.</summary>
    internal long Serial { get; }

    /// <summary>
    /// Its <see cref="Serial"/>'s hash: equality stays by reference, and hashing a definition (a type's shape, the
    /// resolver's sets of definitions) reads it instead of giving the object an identity hash, which writes its header
    /// the first time: on the 1,000,000-line file, where the definitions hashed were made long before, those writes
    /// took 1% of the check and twice the share they took at 100,000 lines (2026-12-07).
    /// </summary>
    public override int GetHashCode() => Serial.GetHashCode();

    /// <summary>The serial of the newest definition made so far (in any model): definitions made later have larger ones.</summary>
    internal static long NewestSerial => System.Threading.Interlocked.Read(ref s_nextSerial);

    /// <summary>The definition's position in <see cref="WitModel.Types"/>.</summary>
    public int Index { get; internal set; } = -1;

    public string? Name { get; internal set; }

    public TypeDefinitionKind Kind { get => (TypeDefinitionKind)_kind; internal set => _kind = (byte)value; }

    // A byte beside FromUse's: the two fit in the 4 bytes after Index (the object is 104 bytes, not 112).
    private byte _kind;

    public TypeOwner Owner
    {
        get => _owner switch
        {
            Interface @interface => new TypeOwner(@interface, null),
            World world => new TypeOwner(null, world),
            TypeOwner both => both,
            _ => default,
        };

        // One reference for the usual owner, an interface or a world (a boxed owner in the unusual case of both).
        internal set => _owner = value.World is null ? value.Interface : value.Interface is null ? value.World : value;
    }

    private object? _owner;

    public string? Docs { get => DocsSource.Read(_docs); internal set => _docs = value; }

    /// <summary>The docs as stored: a string, a <see cref="Semantics.DocsSource"/> read on first use, or null.</summary>
    internal object? DocsOrSource { get => _docs; set => _docs = value; }

    private object? _docs;

    public Stability Stability { get; internal set; } = Stability.Unknown;

    public SourceLocation? Location { get => _location.Value; internal set => _location = new StoredLocation(value); }

    private StoredLocation _location;

    /// <summary>The location as stored (a document and a span), set and read without a <see cref="SourceLocation"/> object.</summary>
    internal StoredLocation StoredLocation { get => _location; set => _location = value; }

    /// <summary>Record fields, variant cases (payload optional), enum cases and flags (no type).</summary>
    public IReadOnlyList<NamedType> Members { get; internal set; } = System.Array.Empty<NamedType>();

    /// <summary>Tuple element types.</summary>
    public IReadOnlyList<WitType> Elements { get => Rare?.Elements ?? System.Array.Empty<WitType>(); internal set { if (ShapeFor(value.Count > 0) is { } shape) shape.Elements = value; } }

    /// <summary>The element of list, fixed-size list, option, future and stream (null for a payload-less future or stream), the target of an alias, the value of a map.</summary>
    public WitType? Element { get => _element.Value; internal set => _element = new StoredType(value); }

    private StoredType _element;

    /// <summary>The key of a map.</summary>
    public WitType? Key { get => Rare?.Key.Value; internal set { if (ShapeFor(value is not null) is { } shape) shape.Key = new StoredType(value); } }

    /// <summary>The length of a fixed-size list.</summary>
    public uint FixedLength { get => Rare?.FixedLength ?? 0; internal set { if (ShapeFor(value != 0) is { } shape) shape.FixedLength = value; } }

    public WitType? Ok
    {
        get => _shape switch { ResultParts parts => parts.Ok.Value, RareShape shape => shape.Ok.Value, _ => null };
        internal set => SetResultPart(value, ok: true);
    }

    public WitType? Err
    {
        get => _shape switch { ResultParts parts => parts.Err.Value, RareShape shape => shape.Err.Value, _ => null };
        internal set => SetResultPart(value, ok: false);
    }

    public HandleKind HandleKind { get => Rare?.HandleKind ?? default; internal set { if (ShapeFor(value != default) is { } shape) shape.HandleKind = value; } }

    /// <summary>The resource (a definition, possibly an alias of one) a handle refers to.</summary>
    public TypeDefinition? Resource { get => Rare?.Resource; internal set { if (ShapeFor(value is not null) is { } shape) shape.Resource = value; } }

    /// <summary>
    /// The parts only some kinds have, kept apart: a record or a list, the common kinds, then costs half as much (a
    /// 100,000-line file holds tens of thousands of definitions). A <see cref="ResultParts"/> when only a result's
    /// <c>ok</c> and <c>err</c> are set (results are the usual rare kind: 32 bytes instead of 64), a
    /// <see cref="RareShape"/> once any other part is, null while none is.
    /// </summary>
    private object? _shape;

    private RareShape? Rare => _shape as RareShape;

    /// <summary>
    /// The rare parts; made only to set a part to something other than its default (a cleared part needs none),
    /// taking over a result's parts.
    /// </summary>
    private RareShape? ShapeFor(bool setsValue)
    {
        if (_shape is RareShape shape) return shape;
        if (!setsValue) return null;
        var parts = _shape as ResultParts;
        var created = new RareShape { Ok = parts?.Ok ?? default, Err = parts?.Err ?? default };
        _shape = created;
        return created;
    }

    private void SetResultPart(WitType? value, bool ok)
    {
        var stored = new StoredType(value);
        switch (_shape)
        {
            case RareShape shape:
                if (ok) shape.Ok = stored;
                else shape.Err = stored;
                break;
            case ResultParts parts:
                if (ok) parts.Ok = stored;
                else parts.Err = stored;
                break;
            default:
                if (value is null) return;
                _shape = ok ? new ResultParts { Ok = stored } : new ResultParts { Err = stored };
                break;
        }
    }

    private sealed class ResultParts
    {
        public StoredType Ok;
        public StoredType Err;
    }

    private sealed class RareShape
    {
        public IReadOnlyList<WitType> Elements = System.Array.Empty<WitType>();
        public StoredType Key;
        public uint FixedLength;
        public StoredType Ok;
        public StoredType Err;
        public HandleKind HandleKind;
        public TypeDefinition? Resource;
    }

    /// <summary>
    /// Pushes the types this definition is made of (its element, key, ok and err, tuple elements and member types) for
    /// a walk with an explicit stack, without an iterator object per definition (nor one per list: a foreach over an
    /// IReadOnlyList makes an enumerator object even of an array).
    /// </summary>
    internal void PushParts(Stack<WitType> stack)
    {
        if (Element is { } element) stack.Push(element);
        if (Key is { } key) stack.Push(key);
        if (Ok is { } ok) stack.Push(ok);
        if (Err is { } err) stack.Push(err);
        var elements = Elements;
        for (int i = 0; i < elements.Count; i++) stack.Push(elements[i]);
        var members = Members;
        for (int i = 0; i < members.Count; i++)
        {
            if (members[i].Type is { } t) stack.Push(t);
        }
    }

    /// <summary>True for the alias a <c>use</c> creates.</summary>
    internal bool FromUse { get; set; }

    /// <summary>Whether this is a resource, or an alias (chain) of one.</summary>
    public bool IsResourceOrAlias => Unaliased().Kind == TypeDefinitionKind.Resource;

    /// <summary>
    /// The definition this one names through its chain of aliases: itself when it is not an alias, else the first
    /// definition down the chain that is not one. The chain stops at an alias of a primitive or of nothing, and at an
    /// alias cycle (<c>type a = b; type b = a;</c>, an error the resolver reports but a model with errors still holds),
    /// where an alias of the cycle is returned: check <see cref="Kind"/>. Constant memory, linear time, whatever the chain.
    /// </summary>
    public TypeDefinition Unaliased()
    {
        // Floyd's cycle finding: the fast walker takes two links per step of the slow one, and meets it on a cycle.
        var slow = this;
        var fast = this;
        while (true)
        {
            for (int i = 0; i < 2; i++)
            {
                if (fast.Kind != TypeDefinitionKind.Alias || fast.Element?.Definition is not { } next) return fast;
                fast = next;
            }

            // The fast walker passed this way, so every definition the slow one reaches is an alias with a target.
            if (slow.Element?.Definition is { } following) slow = following;
            if (ReferenceEquals(slow, fast)) return fast;
        }
    }

    public override string ToString() => Name ?? Kind.ToString().ToLowerInvariant();
}
