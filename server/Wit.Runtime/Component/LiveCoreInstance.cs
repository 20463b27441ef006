using System.Collections.Generic;

namespace Wit.Runtime.Component;

/// <summary>A core instance of a running component: its memories' current pages, its tables' current sizes.</summary>
public sealed record LiveCoreInstance(int Index, IReadOnlyList<uint> MemoryPages, IReadOnlyList<uint> TableSizes, int Globals);
