using System;
using System.Collections.Generic;

namespace Wit.Runtime.Binary;

/// <summary>
/// A decoded core module. It keeps the module's bytes: function bodies, constant expressions and data are byte ranges
/// into <see cref="Bytes"/>, so every offset the runtime reports is an offset in the module as given.
/// Create one with <see cref="ModuleDecoder.Decode"/>; <see cref="Validation.ModuleValidator"/> checks it.
/// </summary>
public sealed class WasmModule
{
    internal WasmModule(byte[] bytes, WasmFeatures features)
    {
        Bytes = bytes;
        Features = features;
    }

    public byte[] Bytes { get; }

    /// <summary>The features the module was decoded with (validation uses the same).</summary>
    public WasmFeatures Features { get; }
    public List<FuncType> Types { get; } = new();
    public List<Import> Imports { get; } = new();
    /// <summary>The type index of every function in the function index space (imports first).</summary>
    public List<int> FunctionTypes { get; } = new();
    public List<FunctionBody> Bodies { get; } = new();
    /// <summary>Every table in the table index space (imports first).</summary>
    public List<TableType> Tables { get; } = new();
    /// <summary>Every memory in the memory index space (imports first).</summary>
    public List<MemoryType> Memories { get; } = new();
    /// <summary>Every global's type in the global index space (imports first).</summary>
    public List<GlobalType> GlobalTypes { get; } = new();
    /// <summary>Every tag's type index in the tag index space (imports first; exception handling).</summary>
    public List<int> TagTypes { get; } = new();
    /// <summary>The module's own globals (after the imported ones).</summary>
    public List<GlobalDefinition> Globals { get; } = new();
    public List<Export> Exports { get; } = new();
    public int? Start { get; internal set; }
    public List<ElementSegment> Elements { get; } = new();
    public List<DataSegment> Data { get; } = new();
    public int? DataCount { get; internal set; }
    public List<CustomSection> CustomSections { get; } = new();
    /// <summary>The decoded name section, or null when there is none (or it is malformed).</summary>
    public NameSection? Names { get; internal set; }

    public int ImportedFunctionCount { get; internal set; }
    public int ImportedTableCount { get; internal set; }
    public int ImportedMemoryCount { get; internal set; }
    public int ImportedGlobalCount { get; internal set; }
    public int ImportedTagCount { get; internal set; }

    /// <summary>Whether <see cref="Validation.ModuleValidator.Validate"/> accepted this module.</summary>
    public bool IsValidated { get; internal set; }

    public FuncType FunctionType(int functionIndex) => Types[FunctionTypes[functionIndex]];

    /// <summary>The type of a tag (a function type with no results: the exception's payload is its parameters).</summary>
    public FuncType TagType(int tagIndex) => Types[TagTypes[tagIndex]];

    /// <summary>The name of a function from the name section, or null.</summary>
    public string? FunctionName(int functionIndex) =>
        Names != null && Names.FunctionNames.TryGetValue(functionIndex, out var n) ? n : null;

    /// <summary>The defined function whose body contains <paramref name="offset"/>, or null.</summary>
    public FunctionBody? BodyAt(int offset)
    {
        int lo = 0, hi = Bodies.Count - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >> 1;
            var b = Bodies[mid];
            if (offset < b.EntryOffset)
            {
                hi = mid - 1;
            }
            else if (offset >= b.CodeEnd)
            {
                lo = mid + 1;
            }
            else
            {
                return b;
            }
        }
        return null;
    }

    internal ReadOnlySpan<byte> Span(int start, int length) => Bytes.AsSpan(start, length);
}
