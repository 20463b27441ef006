using System;
using System.Collections.Generic;
using Wit.Runtime.Binary;

namespace Wit.Runtime.Execution;

/// <summary>An instantiated module: its functions, tables, memories, globals and tags (imported ones first) and its exports.</summary>
public sealed class Instance
{
    internal Instance(WasmModule module, Store store)
    {
        Module = module;
        Store = store;
        Functions = new FunctionInstance[module.FunctionTypes.Count];
        Tables = new TableInstance[module.Tables.Count];
        Memories = new MemoryInstance[module.Memories.Count];
        Globals = new GlobalInstance[module.GlobalTypes.Count];
        Tags = new TagInstance[module.TagTypes.Count];
        ElementRefs = new ulong[module.Elements.Count][];
        DataDropped = new bool[module.Data.Count];
    }

    public WasmModule Module { get; }
    public Store Store { get; }
    public FunctionInstance[] Functions { get; }
    public TableInstance[] Tables { get; }
    public MemoryInstance[] Memories { get; }
    public GlobalInstance[] Globals { get; }
    /// <summary>The instance's tags (imported ones first): its own are fresh objects, distinct from every other instance's.</summary>
    public TagInstance[] Tags { get; }
    public Dictionary<string, ExternValue> Exports { get; } = new(StringComparer.Ordinal);

    internal MemoryInstance? Memory0 => Memories.Length > 0 ? Memories[0] : null;

    /// <summary>Each element segment's references (empty once dropped).</summary>
    internal ulong[][] ElementRefs { get; }
    internal bool[] DataDropped { get; }

    public ExternValue? Export(string name) => Exports.TryGetValue(name, out var e) ? e : null;

    public FunctionInstance? ExportedFunction(string name) => Export(name) as FunctionInstance;

    public MemoryInstance? ExportedMemory(string name) => Export(name) as MemoryInstance;

    public GlobalInstance? ExportedGlobal(string name) => Export(name) as GlobalInstance;

    public TableInstance? ExportedTable(string name) => Export(name) as TableInstance;

    public TagInstance? ExportedTag(string name) => Export(name) as TagInstance;
}
