using System;
using System.Collections.Generic;
using System.Linq;
using Wit.Core.Semantics;

namespace Wit.Core.Abi;

/// <summary>
/// The Canonical ABI over the resolved model (CanonicalABI.md): layout (<c>alignment</c>, <c>elem_size</c>, field
/// and payload offsets), flattening (<c>flatten_type</c>) and core function types (<c>flatten_functype</c>), for
/// memory32 or memory64. Results are memoised per type definition and computed with an explicit stack, so deep or
/// exponentially large types cost linear time and no recursion. A type that cannot be laid out (an error symbol, a
/// cycle, a size beyond what any memory can hold) yields null and a reason in <see cref="Problem"/>.
/// </summary>
public sealed class CanonicalAbi
{
    /// <summary>Sizes beyond this are not representable in any memory; the spec caps element sizes far lower.</summary>
    public const long MaxSize = 1L << 48;

    public const int MaxFlatParams = 16;
    public const int MaxFlatAsyncParams = 4;
    public const int MaxFlatResults = 1;

    private Dictionary<TypeDefinition, TypeLayout?> _layouts = new();
    private Dictionary<TypeDefinition, FlatTypes?> _flats = new();
    private Dictionary<TypeDefinition, string> _problems = new();

    public CanonicalAbi(bool memory64 = false)
    {
        Memory64 = memory64;
    }

    public bool Memory64 { get; }

    private int PointerSize => Memory64 ? 8 : 4;

    private CoreValueType PointerType => Memory64 ? CoreValueType.I64 : CoreValueType.I32;

    /// <summary>Why a definition has no layout, when it has none.</summary>
    public string? Problem(TypeDefinition definition)
    {
        // Flattening can fail without recording why; laying the type out finds the reason.
        if (!_problems.ContainsKey(definition)) Layout(definition);
        return _problems.TryGetValue(definition, out var problem) ? problem : null;
    }

    // ---- Layout -------------------------------------------------------------------------------------------------

    public TypeLayout? Layout(WitType type) =>
        type.Definition is { } definition ? Evaluate(definition, _layouts, _layoutOf ??= LayoutOf) : PrimitiveLayout(type.Primitive);

    public TypeLayout? Layout(TypeDefinition definition) => Evaluate(definition, _layouts, _layoutOf ??= LayoutOf);

    // The computations as delegates, made once rather than at every query.
    private Func<TypeDefinition, TypeLayout?>? _layoutOf;
    private Func<TypeDefinition, FlatTypes?>? _flattenOf;

    /// <summary>The layout of each primitive, made once per instance (pointer size) rather than on every query.</summary>
    private TypeLayout?[]? _primitiveLayouts;

    /// <summary>The flattening of each primitive, made once per instance.</summary>
    private FlatTypes?[]? _primitiveFlats;

    private TypeLayout PrimitiveLayout(PrimitiveType primitive)
    {
        var layouts = _primitiveLayouts ??= new TypeLayout?[(int)PrimitiveType.ErrorContext + 1];
        return (uint)primitive < (uint)layouts.Length
            ? layouts[(int)primitive] ??= MakePrimitiveLayout(primitive)
            : MakePrimitiveLayout(primitive);
    }

    private TypeLayout MakePrimitiveLayout(PrimitiveType primitive) => primitive switch
    {
        PrimitiveType.Bool or PrimitiveType.U8 or PrimitiveType.S8 => new TypeLayout(1, 1),
        PrimitiveType.U16 or PrimitiveType.S16 => new TypeLayout(2, 2),
        PrimitiveType.U32 or PrimitiveType.S32 or PrimitiveType.F32 or PrimitiveType.Char or PrimitiveType.ErrorContext => new TypeLayout(4, 4),
        PrimitiveType.String => new TypeLayout(2 * PointerSize, PointerSize),
        _ => new TypeLayout(8, 8),
    };

    private TypeLayout? CachedLayout(WitType? type) =>
        type is not { } t ? null : t.Definition is { } d ? (_layouts.TryGetValue(d, out var l) ? l : null) : PrimitiveLayout(t.Primitive);

    private TypeLayout? LayoutOf(TypeDefinition definition)
    {
        switch (Shape.Of(definition))
        {
            case ShapeKind.Scalar4:
                return new TypeLayout(4, 4);
            case ShapeKind.DynamicList:
                return new TypeLayout(2 * PointerSize, PointerSize);
            case ShapeKind.Flags:
                int count = definition.Members.Count;
                if (count == 0 || count > 32) return Fail(definition, $"flags with {count} members cannot be represented (1 to 32 are allowed)");
                int flagsSize = count <= 8 ? 1 : count <= 16 ? 2 : 4;
                return new TypeLayout(flagsSize, flagsSize);
            case ShapeKind.Alias:
                return CachedLayout(definition.Element) ?? FailFrom(definition, definition.Element, "the aliased type has no layout");
            case ShapeKind.FixedList:
                var element = CachedLayout(definition.Element);
                if (element is null) return FailFrom(definition, definition.Element, "the element type has no layout");
                if (definition.FixedLength == 0) return Fail(definition, "a fixed-length list must have at least one element");
                if (element.Size > MaxSize / definition.FixedLength) return Fail(definition, "the type is too large for any memory");
                var elementOffsets = definition.FixedLength <= 4096 ? Enumerable.Range(0, (int)definition.FixedLength).Select(i => i * element.Size).ToList() : null;
                return new TypeLayout(element.Size * definition.FixedLength, element.Alignment, elementOffsets);
            case ShapeKind.Record:
                int fieldCount = Shape.FieldCount(definition);
                if (fieldCount <= 0) return Fail(definition, fieldCount < 0 ? "a field has no type" : "records and tuples must have at least one field");
                var fieldLayouts = new List<TypeLayout>(fieldCount);
                for (int i = 0; i < fieldCount; i++)
                {
                    var field = Shape.PartAt(definition, i);
                    var layout = CachedLayout(field);
                    if (layout is null) return FailFrom(definition, field, "a field has no layout");
                    fieldLayouts.Add(layout);
                }

                return SequenceLayout(fieldLayouts) ?? Fail(definition, "the type is too large for any memory");
            case ShapeKind.Variant:
                int caseCount = Shape.CaseCount(definition);
                if (caseCount == 0) return Fail(definition, "variants and enums must have at least one case");
                int discriminant = DiscriminantSize(caseCount);
                int caseAlignment = 1;
                long caseSize = 0;
                for (int i = 0; i < caseCount; i++)
                {
                    if (Shape.PartAt(definition, i) is not { } payload) continue;
                    var layout = CachedLayout(payload);
                    if (layout is null) return FailFrom(definition, payload, "a case payload has no layout");
                    caseAlignment = Math.Max(caseAlignment, layout.Alignment);
                    caseSize = Math.Max(caseSize, layout.Size);
                }

                long payloadOffset = AlignTo(discriminant, caseAlignment);
                int variantAlignment = Math.Max(discriminant, caseAlignment);
                return new TypeLayout(AlignTo(payloadOffset + caseSize, variantAlignment), variantAlignment, null, discriminant, payloadOffset);
            default:
                return Fail(definition, definition.Kind == TypeDefinitionKind.Error ? "the type did not resolve" : $"a {definition.Kind.ToString().ToLowerInvariant()} is not a value type");
        }
    }

    /// <summary>
    /// The layout of a tuple of <paramref name="types"/> without a definition of its own: the spilled parameters or
    /// results of a function (<c>lift_flat_values</c>, <c>lower_flat_values</c>) and a map's key-value pairs. Null
    /// when a type has no layout or the tuple is empty or too large.
    /// </summary>
    public TypeLayout? TupleLayout(IReadOnlyList<WitType> types)
    {
        if (types.Count == 0) return null;
        var layouts = new List<TypeLayout>(types.Count);
        foreach (var type in types)
        {
            if (Layout(type) is not { } layout) return null;
            layouts.Add(layout);
        }

        return SequenceLayout(layouts);
    }

    /// <summary>Fields one after the other, each at its alignment (<c>elem_size_record</c>); null beyond <see cref="MaxSize"/>.</summary>
    private static TypeLayout? SequenceLayout(List<TypeLayout> fields)
    {
        long size = 0;
        int alignment = 1;
        var offsets = new List<long>(fields.Count);
        foreach (var layout in fields)
        {
            size = AlignTo(size, layout.Alignment);
            offsets.Add(size);
            size += layout.Size;
            if (size > MaxSize) return null;
            alignment = Math.Max(alignment, layout.Alignment);
        }

        return new TypeLayout(AlignTo(size, alignment), alignment, offsets);
    }

    /// <summary>The smallest unsigned integer covering the case indices (<c>discriminant_type</c>).</summary>
    public static int DiscriminantSize(int caseCount) => caseCount <= 1 << 8 ? 1 : caseCount <= 1 << 16 ? 2 : 4;

    private static long AlignTo(long value, int alignment) => (value + alignment - 1) / alignment * alignment;

    // ---- Flattening ---------------------------------------------------------------------------------------------

    public FlatTypes? Flatten(WitType type) =>
        type.Definition is { } definition ? Evaluate(definition, _flats, _flattenOf ??= FlattenOf) : PrimitiveFlat(type.Primitive);

    private FlatTypes PrimitiveFlat(PrimitiveType primitive)
    {
        var flats = _primitiveFlats ??= new FlatTypes?[(int)PrimitiveType.ErrorContext + 1];
        return (uint)primitive < (uint)flats.Length
            ? flats[(int)primitive] ??= MakePrimitiveFlat(primitive)
            : MakePrimitiveFlat(primitive);
    }

    private FlatTypes MakePrimitiveFlat(PrimitiveType primitive) => primitive switch
    {
        PrimitiveType.U64 or PrimitiveType.S64 => Single(CoreValueType.I64),
        PrimitiveType.F32 => Single(CoreValueType.F32),
        PrimitiveType.F64 => Single(CoreValueType.F64),
        PrimitiveType.String => new FlatTypes(2, new[] { PointerType, PointerType }),
        _ => Single(CoreValueType.I32),
    };

    private static FlatTypes Single(CoreValueType type) => new(1, new[] { type });

    private FlatTypes? CachedFlat(WitType? type) =>
        type is not { } t ? null : t.Definition is { } d ? (_flats.TryGetValue(d, out var f) ? f : null) : PrimitiveFlat(t.Primitive);

    private FlatTypes? FlattenOf(TypeDefinition definition)
    {
        switch (Shape.Of(definition))
        {
            case ShapeKind.Scalar4:
                return Single(CoreValueType.I32);
            case ShapeKind.Flags:
                return definition.Members.Count is > 0 and <= 32 ? Single(CoreValueType.I32) : null;
            case ShapeKind.DynamicList:
                return new FlatTypes(2, new[] { PointerType, PointerType });
            case ShapeKind.Alias:
                return CachedFlat(definition.Element);
            case ShapeKind.FixedList:
                var element = CachedFlat(definition.Element);
                if (element is null || definition.FixedLength == 0) return null;
                return Concat(Enumerable.Repeat(element, (int)Math.Min(definition.FixedLength, FlatTypes.MaxMaterialized + 1)).ToList(),
                    SaturatingMultiply(element.Count, definition.FixedLength));
            case ShapeKind.Record:
                int fieldCount = Shape.FieldCount(definition);
                if (fieldCount < 0) return null;
                var parts = new List<FlatTypes>(fieldCount);
                long flatCount = 0;
                for (int i = 0; i < fieldCount; i++)
                {
                    var flat = CachedFlat(Shape.PartAt(definition, i));
                    if (flat is null) return null;
                    parts.Add(flat);
                    flatCount = SaturatingAdd(flatCount, flat.Count);
                }

                return Concat(parts, flatCount);
            case ShapeKind.Variant:
                var joined = new List<CoreValueType>();
                long longest = 0;
                int caseCount = Shape.CaseCount(definition);
                for (int c = 0; c < caseCount; c++)
                {
                    if (Shape.PartAt(definition, c) is not { } payload) continue;
                    var flat = CachedFlat(payload);
                    if (flat is null) return null;
                    longest = Math.Max(longest, flat.Count);
                    if (flat.Values is null) continue;
                    for (int i = 0; i < flat.Values.Count; i++)
                    {
                        if (i < joined.Count) joined[i] = CoreValueTypes.Join(joined[i], flat.Values[i]);
                        else joined.Add(flat.Values[i]);
                    }
                }

                long total = SaturatingAdd(1, longest);
                if (total > FlatTypes.MaxMaterialized) return new FlatTypes(total, null);
                joined.Insert(0, CoreValueType.I32);
                return new FlatTypes(total, joined);
            default:
                return null;
        }
    }

    private static FlatTypes Concat(List<FlatTypes> parts, long count)
    {
        if (count > FlatTypes.MaxMaterialized || parts.Exists(p => p.Values is null)) return new FlatTypes(count, null);
        var values = new List<CoreValueType>((int)count);
        foreach (var part in parts) values.AddRange(part.Values!);
        return new FlatTypes(count, values);
    }

    private static long SaturatingAdd(long a, long b) => a > long.MaxValue - b ? long.MaxValue : a + b;

    private static long SaturatingMultiply(long a, long b) => a != 0 && b > long.MaxValue / a ? long.MaxValue : a * b;

    // ---- Function signatures ------------------------------------------------------------------------------------

    /// <summary>
    /// <c>flatten_functype</c> for a function with <paramref name="parameters"/> and an optional
    /// <paramref name="result"/>; null when a parameter or result type has no flattening.
    /// </summary>
    public CoreSignature? Signature(IEnumerable<WitType?> parameters, WitType? result, AbiVariant variant)
    {
        var flatParams = new List<FlatTypes>();
        foreach (var parameter in parameters)
        {
            if (FlattenLaidOut(parameter) is not { } flat) return null;
            flatParams.Add(flat);
        }

        return Signature(flatParams, result, variant);
    }

    /// <summary>The flattening of a type that also has a layout (a function's parameter or result needs both), or null.</summary>
    private FlatTypes? FlattenLaidOut(WitType? type) => type is { } t && Flatten(t) is { } flat && Layout(t) is not null ? flat : null;

    private CoreSignature? Signature(List<FlatTypes> flatParams, WitType? result, AbiVariant variant)
    {
        // A function has a signature only if every parameter and the result can also be laid out in memory.
        FlatTypes? flatResult = null;
        if (result is { } r && ((flatResult = Flatten(r)) is null || Layout(r) is null)) return null;
        long paramCount = 0;
        foreach (var flat in flatParams) paramCount = SaturatingAdd(paramCount, flat.Count);
        long resultCount = flatResult?.Count ?? 0;
        var ptr = new[] { PointerType };

        IReadOnlyList<CoreValueType> ParamsList() => Concat(flatParams, paramCount).Values!;
        IReadOnlyList<CoreValueType> ResultsList() => flatResult?.Values ?? Array.Empty<CoreValueType>();

        switch (variant)
        {
            case AbiVariant.SyncLift:
            case AbiVariant.SyncLower:
            {
                bool spill = paramCount > MaxFlatParams;
                var ps = spill ? ptr : ParamsList();
                if (resultCount <= MaxFlatResults) return new CoreSignature(ps, ResultsList(), spill, false, paramCount, resultCount);
                if (variant == AbiVariant.SyncLift) return new CoreSignature(ps, ptr, spill, true, paramCount, resultCount);
                return new CoreSignature(ps.Concat(ptr).ToList(), Array.Empty<CoreValueType>(), spill, true, paramCount, resultCount);
            }

            case AbiVariant.AsyncLiftCallback:
            case AbiVariant.AsyncLiftStackful:
            {
                bool spill = paramCount > MaxFlatParams;
                var ps = spill ? ptr : ParamsList();
                var rs = variant == AbiVariant.AsyncLiftCallback ? new[] { CoreValueType.I32 } : Array.Empty<CoreValueType>();
                return new CoreSignature(ps, rs, spill, resultCount > 0, paramCount, resultCount);
            }

            default:
            {
                bool spill = paramCount > MaxFlatAsyncParams;
                IReadOnlyList<CoreValueType> ps = spill ? ptr : ParamsList();
                if (resultCount > 0) ps = ps.Concat(ptr).ToList();
                return new CoreSignature(ps, new[] { CoreValueType.I32 }, spill, resultCount > 0, paramCount, resultCount);
            }
        }
    }

    public CoreSignature? Signature(Function function, AbiVariant variant)
    {
        var parameters = function.Parameters;
        var flatParams = new List<FlatTypes>(parameters.Count);
        for (int i = 0; i < parameters.Count; i++)
        {
            if (FlattenLaidOut(parameters[i].Type) is not { } flat) return null;
            flatParams.Add(flat);
        }

        return Signature(flatParams, function.Result, variant);
    }

    /// <summary>The definitions whose layout is memoised (for tests).</summary>
    internal IEnumerable<TypeDefinition> RememberedLayouts => _layouts.Keys;

    /// <summary>
    /// Drops what was computed for the definitions <paramref name="forget"/> selects (and the room their entries took),
    /// so a cache kept from check to check holds only what a later check can meet again.
    /// </summary>
    internal void Forget(Func<TypeDefinition, bool> forget)
    {
        _layouts = Without(_layouts, forget);
        _flats = Without(_flats, forget);
        _problems = Without(_problems, forget);
    }

    /// <summary>The cache without the selected entries, copied at its new size (a dictionary keeps the room it grew to).</summary>
    private static Dictionary<TypeDefinition, T> Without<T>(Dictionary<TypeDefinition, T> cache, Func<TypeDefinition, bool> forget)
    {
        int keep = cache.Keys.Count(definition => !forget(definition));
        if (keep == cache.Count) return cache;
        var kept = new Dictionary<TypeDefinition, T>(keep);
        foreach (var entry in cache)
        {
            if (!forget(entry.Key)) kept.Add(entry.Key, entry.Value);
        }

        return kept;
    }

    // ---- Memoised evaluation without recursion ------------------------------------------------------------------

    private T? Evaluate<T>(TypeDefinition root, Dictionary<TypeDefinition, T?> cache, Func<TypeDefinition, T?> compute) where T : class
    {
        if (cache.TryGetValue(root, out var cached)) return cached;

        // Most definitions met for the first time depend only on primitives and definitions already computed (a
        // record of primitives, a result of a record seen before): computed at once, without the walk's state.
        int dependencies = Shape.DependencyCount(root);
        bool ready = true;
        for (int i = 0; i < dependencies && ready; i++)
        {
            if (Shape.DependencyAt(root, i) is { } dependency && (ReferenceEquals(dependency, root) || !cache.ContainsKey(dependency))) ready = false;
        }

        if (ready)
        {
            var value = compute(root);
            cache[root] = value;
            return value;
        }

        // Each frame remembers how far through its dependencies it got: dependencies before Next are computed (or
        // failed), so a frame never scans its list again when a dependency returns.
        var inProgress = new HashSet<TypeDefinition>();
        var stack = new List<(TypeDefinition Definition, int Next, int Count)> { (root, 0, dependencies) };
        inProgress.Add(root);
        while (stack.Count > 0)
        {
            var (current, next, count) = stack[stack.Count - 1];
            TypeDefinition? pending = null;
            while (next < count && pending is null)
            {
                var dependency = Shape.DependencyAt(current, next);
                if (dependency is null || cache.ContainsKey(dependency))
                {
                    next++;
                    continue;
                }

                if (inProgress.Contains(dependency))
                {
                    // A cycle (only possible in code that failed to resolve): the type has no layout.
                    Fail(dependency, "the type depends on itself");
                    cache[dependency] = null;
                    next++;
                    continue;
                }

                pending = dependency;
            }

            stack[stack.Count - 1] = (current, next, count);
            if (pending is not null)
            {
                stack.Add((pending, 0, Shape.DependencyCount(pending)));
                inProgress.Add(pending);
                continue;
            }

            stack.RemoveAt(stack.Count - 1);
            inProgress.Remove(current);
            if (!cache.ContainsKey(current)) cache[current] = compute(current);
        }

        return cache[root];
    }

    /// <summary>Fails because a part failed, keeping the part's reason (the root cause) when it has one.</summary>
    private TypeLayout? FailFrom(TypeDefinition definition, WitType? part, string fallback) =>
        Fail(definition, part?.Definition is { } d && Problem(d) is { } cause ? cause : fallback);

    private TypeLayout? Fail(TypeDefinition definition, string problem)
    {
        if (!_problems.ContainsKey(definition)) _problems[definition] = problem;
        return null;
    }
}
