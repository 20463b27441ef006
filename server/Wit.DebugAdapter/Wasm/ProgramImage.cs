using System;
using System.Collections.Generic;
using System.IO;
using Wit.DebugAdapter.Dwarf;
using Wit.Runtime.Binary;

namespace Wit.DebugAdapter.Wasm;

/// <summary>A source position a pc maps to: a file on disk and its 1-based line, from DWARF.</summary>
internal readonly record struct SourceLine(string Path, int Line, int Column);

/// <summary>
/// What the debugger knows of a core module besides running it: its instructions (decoded lazily, per body), its
/// DWARF line table with file paths resolved on disk, the synthesized WAT view, and function lookup by name.
/// Immutable after construction except for its caches; used from the request thread and the debuggee's thread, so the
/// caches are locked.
/// </summary>
internal sealed class ProgramImage
{
    private readonly Dictionary<int, List<Instruction>> _instructions = new();
    private readonly object _lock = new();
    private WatView? _wat;

    public ProgramImage(WasmModule module, string path)
    {
        Module = module;
        Path = path;
        CodeContentStart = FindCodeContentStart(module.Bytes);
        var line = Section(".debug_line");
        if (line is { } l && CodeContentStart >= 0)
        {
            Lines = LineTable.Parse(module.Bytes, l.Start, l.Length, Section);
            ResolvedFiles = new string?[Lines.Files.Count];
            string baseDir = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path)) ?? ".";
            for (int i = 0; i < ResolvedFiles.Length; i++)
            {
                ResolvedFiles[i] = Resolve(Lines.Files[i], baseDir);
            }
        }
    }

    public WasmModule Module { get; }

    public string Path { get; }

    /// <summary>The offset in the module of the code section's contents (DWARF addresses count from there), or -1.</summary>
    public int CodeContentStart { get; }

    public LineTable? Lines { get; }

    private bool _dwarfRead;
    private DebugInfo? _dwarf;
    private CTypeTable? _types;

    /// <summary>The module's <c>.debug_info</c>, read on first use; null without one (or when no unit of it parses).</summary>
    public DebugInfo? Dwarf
    {
        get
        {
            lock (_lock)
            {
                if (!_dwarfRead)
                {
                    _dwarfRead = true;
                    _dwarf = CodeContentStart < 0 ? null : DebugInfo.Read(Module.Bytes, Section);
                    _types = _dwarf == null ? null : new CTypeTable(_dwarf);
                }
                return _dwarf;
            }
        }
    }

    /// <summary>The C types of <see cref="Dwarf"/>. Built on demand (the table locks itself: the request thread and the program's conditions both read it).</summary>
    public CTypeTable? Types => Dwarf == null ? null : _types;

    /// <summary>For each file of <see cref="Lines"/>, its path on disk, or null when it is not there.</summary>
    public string?[] ResolvedFiles { get; } = Array.Empty<string?>();

    public WatView Wat
    {
        get
        {
            lock (_lock)
            {
                return _wat ??= new WatView(Module, InstructionsUnlocked);
            }
        }
    }

    public (int Start, int Length)? Section(string name)
    {
        foreach (var s in Module.CustomSections)
        {
            if (s.Name == name)
            {
                return (s.ContentStart, s.ContentLength);
            }
        }
        return null;
    }

    public IReadOnlyList<Instruction> Instructions(FunctionBody body)
    {
        lock (_lock)
        {
            return InstructionsUnlocked(body);
        }
    }

    private List<Instruction> InstructionsUnlocked(FunctionBody body)
    {
        if (!_instructions.TryGetValue(body.Index, out var list))
        {
            list = Disassembler.Decode(Module, body);
            _instructions[body.Index] = list;
        }
        return list;
    }

    /// <summary>The instruction that starts at <paramref name="offset"/>, or null (not an instruction boundary).</summary>
    public Instruction? InstructionAt(int offset) => InstructionAtOrAfter(offset) is { } i && i.Offset == offset ? i : null;

    /// <summary>The first instruction at or after <paramref name="offset"/> in the same body, or null.</summary>
    public Instruction? InstructionAtOrAfter(int offset)
    {
        var body = Module.BodyAt(offset);
        if (body == null)
        {
            return null;
        }
        var list = Instructions(body);
        int i = IndexAtOrAfter(list, offset);
        return i < list.Count ? list[i] : null;
    }

    private static int IndexAtOrAfter(IReadOnlyList<Instruction> list, int offset)
    {
        int lo = 0, hi = list.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) >> 1;
            if (list[mid].Offset < offset)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }
        return lo;
    }

    /// <summary>The DWARF source line of a pc whose file is on disk, or null (then the WAT view shows the frame).</summary>
    public SourceLine? SourceAt(int pc)
    {
        if (Lines == null || pc < CodeContentStart)
        {
            return null;
        }
        var range = Lines.Find((ulong)(pc - CodeContentStart));
        if (range is not { } r || r.Line == 0 || ResolvedFiles[r.File] is not string path)
        {
            return null;
        }
        return new SourceLine(path, r.Line, r.Column);
    }

    /// <summary>
    /// Where a function's body starts for the user: the first instruction of the line program's row marked as the end
    /// of the prologue (the stack frame set up, parameters stored), else its first instruction.
    /// </summary>
    public int AfterPrologue(FunctionBody body)
    {
        int first = InstructionAtOrAfter(body.CodeStart)?.Offset ?? body.CodeStart;
        if (Lines == null || CodeContentStart < 0)
        {
            return first;
        }
        ulong start = (ulong)(body.CodeStart - CodeContentStart), end = (ulong)(body.CodeEnd - CodeContentStart);
        foreach (var r in Lines.Ranges)
        {
            if (r.Start >= end)
            {
                break;
            }
            if (r.Start >= start && r.PrologueEnd && InstructionAtOrAfter(CodeContentStart + (int)r.Start) is { } ins)
            {
                return ins.Offset;
            }
        }
        return first;
    }

    /// <summary>
    /// The offsets where a breakpoint at <paramref name="line"/> of <paramref name="path"/> stops: the first
    /// instruction of each run of code that line starts (statement rows only), on the first line at or after the asked
    /// one that has code. Returns that line too (0 when the file has no code there).
    /// </summary>
    public (int Line, List<int> Offsets) OffsetsOfLine(string path, int line)
    {
        var offsets = new List<int>();
        if (Lines == null)
        {
            return (0, offsets);
        }
        var files = FilesMatching(path);
        if (files.Count == 0)
        {
            return (0, offsets);
        }
        int best = int.MaxValue;
        foreach (var r in Lines.Ranges)
        {
            if (r.IsStmt && r.Line >= line && r.Line < best && files.Contains(r.File))
            {
                best = r.Line;
            }
        }
        if (best == int.MaxValue)
        {
            return (0, offsets);
        }
        LineRange? previous = null;
        foreach (var r in Lines.Ranges)
        {
            bool continues = previous is { } p && p.End == r.Start && p.Line == r.Line && p.File == r.File;
            if (r.IsStmt && r.Line == best && files.Contains(r.File) && !continues
                && InstructionAtOrAfter(CodeContentStart + (int)r.Start) is { } ins && ins.Offset < CodeContentStart + (long)r.End)
            {
                if (!offsets.Contains(ins.Offset))
                {
                    offsets.Add(ins.Offset);
                }
            }
            previous = r;
        }
        return (best, offsets);
    }

    private HashSet<int> FilesMatching(string path)
    {
        var result = new HashSet<int>();
        string full = System.IO.Path.GetFullPath(path);
        for (int i = 0; i < ResolvedFiles.Length; i++)
        {
            if (ResolvedFiles[i] is string p && string.Equals(p, full, StringComparison.Ordinal))
            {
                result.Add(i);
            }
        }
        return result;
    }

    /// <summary>A function index by its name-section name or its export name, or -1.</summary>
    public int FunctionNamed(string name)
    {
        if (Module.Names != null)
        {
            foreach (var (index, n) in Module.Names.FunctionNames)
            {
                if (n == name)
                {
                    return index;
                }
            }
        }
        foreach (var e in Module.Exports)
        {
            if (e.Kind == ExternKind.Func && e.Name == name)
            {
                return e.Index;
            }
        }
        return -1;
    }

    public string FunctionDisplayName(int index) => Module.FunctionName(index) ?? $"func[{index}]";

    /// <summary>
    /// A path of the line table on disk: as written when it exists, else relative to the module's directory, else the
    /// shorter tails of it there (a DWARF 5 table names its compilation directory, which a build's
    /// <c>-fdebug-prefix-map</c> or a move makes absent: <c>/fixtures/types.c</c> is found as <c>types.c</c> next to
    /// the module); null when none exists.
    /// </summary>
    private static string? Resolve(string path, string baseDir)
    {
        try
        {
            if (System.IO.Path.IsPathRooted(path) && File.Exists(path))
            {
                return System.IO.Path.GetFullPath(path);
            }
            string tail = path.Replace('\\', '/').TrimStart('/');
            for (int i = 0; i < 64 && tail.Length > 0; i++)
            {
                if (!tail.StartsWith("../", StringComparison.Ordinal))
                {
                    string candidate = System.IO.Path.GetFullPath(System.IO.Path.Combine(baseDir, tail));
                    if (File.Exists(candidate))
                    {
                        return candidate;
                    }
                }
                int slash = tail.IndexOf('/');
                if (slash < 0)
                {
                    break;
                }
                tail = tail[(slash + 1)..];
            }
            return null;
        }
        catch (Exception e) when (e is ArgumentException or IOException or NotSupportedException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Walks the section headers for the code section (id 10); its contents start after its size.</summary>
    private static int FindCodeContentStart(byte[] bytes)
    {
        try
        {
            var r = new ByteReader(bytes, 8, bytes.Length);
            while (!r.AtEnd)
            {
                byte id = r.U8();
                ulong size = r.Uleb();
                if (id == 10)
                {
                    return r.Position;
                }
                r.Skip((long)Math.Min(size, int.MaxValue));
            }
        }
        catch (MalformedException)
        {
        }
        return -1;
    }
}
