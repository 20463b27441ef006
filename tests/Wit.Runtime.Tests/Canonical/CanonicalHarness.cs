using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using Wit.Core.Abi;
using Wit.Core.Semantics;
using Wit.Core.Workspace;
using Wit.Runtime.Binary;
using Wit.Runtime.Canonical;
using Wit.Runtime.Execution;

namespace Wit.Runtime.Tests.Canonical;

/// <summary>
/// One memory of one page, one instance with its handle table, the contexts lowering (a task) and lifting (a subtask)
/// use, and the bump allocator the vector generator uses (scripts/cabi-vectors/gen.py): blocks from 4096 on, each
/// aligned, the old block's first min(old, new) bytes copied; every call recorded.
/// </summary>
internal sealed class CanonicalHarness
{
    public const int AllocStart = 4096;

    private ulong _next = AllocStart;

    public CanonicalHarness(StringEncoding encoding, bool memory64, TypeDefinition? localResource = null, TypeDefinition? remoteResource = null)
    {
        Memory = new MemoryInstance(new MemoryType(new Limits(1, 1)));
        Instance = new CanonicalInstance();
        var other = new CanonicalInstance();
        var types = new Dictionary<TypeDefinition, ResourceType>();
        if (remoteResource is not null) types[remoteResource] = Remote = new ResourceType("res", other);
        if (localResource is not null) types[localResource] = Local = new ResourceType("res-local", Instance);
        Options = new CanonicalOptions { StringEncoding = encoding, Memory = Memory, Memory64 = memory64, Realloc = Realloc };
        Task = new CallTask();
        Subtask = new CallSubtask();
        LowerContext = new LiftLowerContext(Options, Instance, d => types[d], task: Task);
        LiftContext = new LiftLowerContext(Options, Instance, d => types[d], subtask: Subtask);
        ResourceNames = types.ToDictionary(e => e.Value, e => e.Value.Name);
    }

    public MemoryInstance Memory { get; }
    public CanonicalInstance Instance { get; }
    public ResourceType? Remote { get; }
    public ResourceType? Local { get; }
    public CanonicalOptions Options { get; }
    public CallTask Task { get; }
    public CallSubtask Subtask { get; }
    public LiftLowerContext LowerContext { get; }
    public LiftLowerContext LiftContext { get; }
    public Dictionary<ResourceType, string> ResourceNames { get; }
    public List<string[]> Reallocs { get; } = new();

    private ulong Realloc(ulong old, ulong oldSize, ulong alignment, ulong newSize)
    {
        ulong ptr = (_next + alignment - 1) / alignment * alignment;
        if (ptr + newSize <= (ulong)Memory.Bytes.Length)
        {
            ulong n = Math.Min(oldSize, newSize);
            Array.Copy(Memory.Bytes, (long)old, Memory.Bytes, (long)ptr, (long)n);
        }

        _next = ptr + newSize;
        Reallocs.Add(new[] { old, oldSize, alignment, newSize, ptr }.Select(x => x.ToString(CultureInfo.InvariantCulture)).ToArray());
        return ptr;
    }

    /// <summary>The memory's non-zero bytes as [offset, hex] runs, runs closer than 16 bytes merged (as gen.py writes them).</summary>
    public JsonArray UsedMemory()
    {
        var data = Memory.Bytes;
        var runs = new JsonArray();
        int i = 0;
        while (i < data.Length)
        {
            if (data[i] == 0)
            {
                i++;
                continue;
            }

            int start = i, end = i;
            while (i < data.Length && i - end < 16)
            {
                if (data[i] != 0) end = i;
                i++;
            }

            runs.Add(new JsonArray(start, Convert.ToHexString(data, start, end - start + 1).ToLowerInvariant()));
        }

        return runs;
    }

    public void SetMemory(JsonArray runs)
    {
        foreach (var run in runs)
        {
            byte[] bytes = Convert.FromHexString(run![1]!.GetValue<string>());
            bytes.CopyTo(Memory.Bytes, run[0]!.GetValue<int>());
        }
    }

    /// <summary>The handle table as gen.py writes it: [index, resource, rep, own, lends, has a borrow scope].</summary>
    public JsonArray Handles() =>
        new(Instance.Handles.Entries.Select(e => (JsonNode)new JsonArray(e.Index, ResourceNames[e.Handle.Type], e.Handle.Rep.ToString(CultureInfo.InvariantCulture), e.Handle.Own, e.Handle.Lends, e.Handle.BorrowScope is not null)).ToArray());

    public JsonArray RecordedReallocs() => new(Reallocs.Select(r => (JsonNode)new JsonArray(r.Select(x => (JsonNode)JsonValue.Create(x)!).ToArray())).ToArray());
}

/// <summary>Resolves WIT types from text, and converts values to and from the vectors' JSON by their type.</summary>
internal static class CanonicalJson
{
    public static Interface ResolveInterface(string wit, string name)
    {
        var model = WitResolver.Resolve(new InMemoryFileSystem().Add("/ws/v.wit", wit), "/ws/v.wit");
        var errors = model.Diagnostics.Where(d => d.Severity == Wit.Core.Diagnostics.DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0) throw new InvalidOperationException("the vectors' WIT does not resolve: " + string.Join("; ", errors.Take(3)));
        return model.Interfaces.Single(i => i.Name == name);
    }

    /// <summary>The type an interface declares as <paramref name="name"/>.</summary>
    public static WitType TypeNamed(Interface types, string name) =>
        types.Types.TryGetValue(name, out var definition) ? WitType.Of(definition) : throw new InvalidOperationException($"no type `{name}`");

    public static StringEncoding Encoding(string name) => name switch
    {
        "utf8" => StringEncoding.Utf8,
        "utf16" => StringEncoding.Utf16,
        _ => StringEncoding.Latin1Utf16,
    };

    public static string EncodingName(StringEncoding encoding) => encoding switch
    {
        StringEncoding.Utf8 => "utf8",
        StringEncoding.Utf16 => "utf16",
        _ => "latin1+utf16",
    };

    private static WitType Unalias(WitType type)
    {
        if (type.Definition is not { } d) return type;
        var target = d.Unaliased();
        return target.Kind == TypeDefinitionKind.Alias ? target.Element!.Value : WitType.Of(target);
    }

    public static ComponentValue Decode(WitType type, JsonNode? node, int pointerSize)
    {
        var t = Unalias(type);
        if (t.Definition is not { } d)
        {
            string Text() => node!.GetValue<string>();
            return t.Primitive switch
            {
                PrimitiveType.Bool => ComponentValue.Bool(node!.GetValue<bool>()),
                PrimitiveType.S8 => ComponentValue.S8(sbyte.Parse(Text(), CultureInfo.InvariantCulture)),
                PrimitiveType.S16 => ComponentValue.S16(short.Parse(Text(), CultureInfo.InvariantCulture)),
                PrimitiveType.S32 => ComponentValue.S32(int.Parse(Text(), CultureInfo.InvariantCulture)),
                PrimitiveType.S64 => ComponentValue.S64(long.Parse(Text(), CultureInfo.InvariantCulture)),
                PrimitiveType.U8 => ComponentValue.U8(byte.Parse(Text(), CultureInfo.InvariantCulture)),
                PrimitiveType.U16 => ComponentValue.U16(ushort.Parse(Text(), CultureInfo.InvariantCulture)),
                PrimitiveType.U32 => ComponentValue.U32(uint.Parse(Text(), CultureInfo.InvariantCulture)),
                PrimitiveType.U64 => ComponentValue.U64(ulong.Parse(Text(), CultureInfo.InvariantCulture)),
                PrimitiveType.F32 => ComponentValue.F32Bits(uint.Parse(Text(), NumberStyles.HexNumber, CultureInfo.InvariantCulture)),
                PrimitiveType.F64 => ComponentValue.F64Bits(ulong.Parse(Text(), NumberStyles.HexNumber, CultureInfo.InvariantCulture)),
                PrimitiveType.Char => ComponentValue.Char(node!.GetValue<int>()),
                _ => DecodeString(node!, pointerSize),
            };
        }

        switch (Shape.Of(d))
        {
            case ShapeKind.Scalar4:
                uint rep = uint.Parse(node!.GetValue<string>(), CultureInfo.InvariantCulture);
                return d.HandleKind == HandleKind.Own ? ComponentValue.Own(rep) : ComponentValue.Borrow(rep);
            case ShapeKind.DynamicList:
            case ShapeKind.FixedList:
                return ComponentValue.List(node!.AsArray().Select(n => Decode(d.Element!.Value, n, pointerSize)).ToArray());
            case ShapeKind.Record:
                var fields = Shape.Fields(d)!;
                return ComponentValue.Record(node!.AsArray().Select((n, i) => Decode(fields[i], n, pointerSize)).ToArray());
            case ShapeKind.Variant:
                var array = node!.AsArray();
                uint index = array[0]!.GetValue<uint>();
                var payload = Shape.Cases(d)[(int)index];
                return ComponentValue.Case(index, payload is { } p ? Decode(p, array[1], pointerSize) : null);
            case ShapeKind.Flags:
                return ComponentValue.Flags(uint.Parse(node!.GetValue<string>(), CultureInfo.InvariantCulture));
            default:
                throw new InvalidOperationException($"no vectors of {d.Kind}");
        }
    }

    private static ComponentValue DecodeString(JsonNode node, int pointerSize)
    {
        var encoding = Encoding(node["enc"]!.GetValue<string>());
        ulong tagged = ulong.Parse(node["units"]!.GetValue<string>(), CultureInfo.InvariantCulture);
        bool utf16Form = encoding == StringEncoding.Latin1Utf16 && (tagged & (1UL << (pointerSize * 8 - 1))) != 0;
        var value = ComponentValue.String(node["s"]!.GetValue<string>(), encoding, utf16Form);
        if (value.TaggedCodeUnits(pointerSize) != tagged) throw new InvalidOperationException($"the string {value} counts {value.TaggedCodeUnits(pointerSize)} code units, the reference {tagged}");
        return value;
    }

    public static JsonNode? Encode(WitType type, ComponentValue value, int pointerSize)
    {
        var t = Unalias(type);
        if (t.Definition is not { } d)
        {
            return t.Primitive switch
            {
                PrimitiveType.Bool => JsonValue.Create(value.Bits != 0),
                PrimitiveType.S8 or PrimitiveType.S16 or PrimitiveType.S32 or PrimitiveType.S64 => JsonValue.Create(unchecked((long)value.Bits).ToString(CultureInfo.InvariantCulture)),
                PrimitiveType.F32 => JsonValue.Create(value.Bits.ToString("x8", CultureInfo.InvariantCulture)),
                PrimitiveType.F64 => JsonValue.Create(value.Bits.ToString("x16", CultureInfo.InvariantCulture)),
                PrimitiveType.Char => JsonValue.Create((int)value.Bits),
                PrimitiveType.String => new JsonObject
                {
                    ["s"] = value.Text,
                    ["enc"] = EncodingName(value.Encoding),
                    ["units"] = value.TaggedCodeUnits(pointerSize).ToString(CultureInfo.InvariantCulture),
                },
                _ => JsonValue.Create(value.Bits.ToString(CultureInfo.InvariantCulture)),
            };
        }

        switch (Shape.Of(d))
        {
            case ShapeKind.DynamicList:
            case ShapeKind.FixedList:
                return new JsonArray(value.Items.Select(v => Encode(d.Element!.Value, v, pointerSize)).ToArray());
            case ShapeKind.Record:
                var fields = Shape.Fields(d)!;
                return new JsonArray(value.Items.Select((v, i) => Encode(fields[i], v, pointerSize)).ToArray());
            case ShapeKind.Variant:
                var payload = Shape.Cases(d)[(int)value.Bits];
                return new JsonArray(JsonValue.Create((int)value.Bits), payload is { } p ? Encode(p, value.Payload!, pointerSize) : null);
            default:
                return JsonValue.Create(value.Bits.ToString(CultureInfo.InvariantCulture));
        }
    }

    public static JsonArray EncodeFlat(IEnumerable<WasmValue> values) =>
        new(values.Select(v => (JsonNode)new JsonArray(TypeNames.Of(v.Type), v.Type switch
        {
            ValType.F32 => ((uint)v.Bits).ToString("x8", CultureInfo.InvariantCulture),
            ValType.F64 => v.Bits.ToString("x16", CultureInfo.InvariantCulture),
            ValType.I32 => ((uint)v.Bits).ToString(CultureInfo.InvariantCulture),
            _ => v.Bits.ToString(CultureInfo.InvariantCulture),
        })).ToArray());

    public static WasmValue[] DecodeFlat(JsonArray items) =>
        items.Select(item =>
        {
            string kind = item![0]!.GetValue<string>(), text = item[1]!.GetValue<string>();
            return kind switch
            {
                "i32" => new WasmValue(ValType.I32, ulong.Parse(text, CultureInfo.InvariantCulture)),
                "i64" => new WasmValue(ValType.I64, ulong.Parse(text, CultureInfo.InvariantCulture)),
                "f32" => new WasmValue(ValType.F32, ulong.Parse(text, NumberStyles.HexNumber, CultureInfo.InvariantCulture)),
                _ => new WasmValue(ValType.F64, ulong.Parse(text, NumberStyles.HexNumber, CultureInfo.InvariantCulture)),
            };
        }).ToArray();
}
