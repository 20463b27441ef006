using System;

namespace Wit.Core.Semantics;

/// <summary>
/// Where wit-parser meets a problem, as a sort key: it stops at its first error, so which one we list first is part of
/// agreeing with it. It reads the root's files, then each <c>deps/</c> entry in name order (<see cref="Entry"/>); in a
/// source it takes the files in path order (<see cref="File"/>), and for each parses it (<see cref="Step"/> 0),
/// resolves the packages nested in it (1) and adds it to the main package (2: a name that does not match, docs given
/// twice); once every file is read it resolves the main package by itself (3). Only then does it sort the packages
/// (<see cref="Phase"/> 1: duplicates, cycles) and link each, in that order (phase 2, <see cref="File"/>: its
/// position; <see cref="Step"/>: the step of linking), which is where references to other packages and gated-off items are checked.
/// </summary>
internal readonly struct DiagnosticOrder : IComparable<DiagnosticOrder>
{
    private DiagnosticOrder(int phase, string entry, int file, int step, long position = 0)
    {
        Phase = phase;
        Entry = entry;
        File = file;
        Step = step;
        Position = position;
    }

    public int Phase { get; }

    public string Entry { get; }

    public int File { get; }

    public int Step { get; }

    /// <summary>
    /// Within the step of linking interfaces: the interface's place in the package's order and the function's place in
    /// the interface (see <see cref="PackageResolver.LinkPositions"/>); 0 elsewhere.
    /// </summary>
    public long Position { get; }

    /// <summary>A source that cannot be read, before any of its files.</summary>
    public static DiagnosticOrder Load(string entry) => new(0, entry, -1, 0);

    public static DiagnosticOrder Syntax(string entry, int file) => new(0, entry, file, 0);

    public static DiagnosticOrder Nested(string entry, int file) => new(0, entry, file, 1);

    public static DiagnosticOrder AddedToMain(string entry, int file) => new(0, entry, file, 2);

    public static DiagnosticOrder Main(string entry) => new(0, entry, int.MaxValue, 3);

    public static DiagnosticOrder Sorting => new(1, "", 0, 0);

    /// <summary>
    /// Linking the package at <paramref name="package"/>, step by step as wit-parser's <c>Remap::append</c> goes: the
    /// foreign interfaces are looked up, then the foreign worlds and types; then every type (its gate, what it refers
    /// to), every interface (its gate, its functions), the interfaces that own kept types, every world (its gate, items,
    /// includes, elaboration), and the worlds that own kept types.
    /// </summary>
    public static DiagnosticOrder Link(int package, int step, long position = 0) => new(2, "", package, step, position);

    /// <summary>
    /// What the component model's validator checks once wit-parser has resolved and linked every package, as a
    /// component is encoded from them (names a component cannot tell apart, empty records): after all of linking.
    /// </summary>
    public static DiagnosticOrder Validate(int package) => new(3, "", package, 0);

    /// <summary>The step a validator-level diagnostic is noted with among a package's link-time ones (see <see cref="Validate"/>).</summary>
    public const int ValidateStep = 100;

    public const int LinkForeignInterface = 0;

    public const int LinkForeignWorld = 1;

    public const int LinkForeignType = 2;

    public const int LinkType = 3;

    public const int LinkInterface = 4;

    public const int LinkInterfaceOwner = 5;

    public const int LinkWorld = 6;

    public const int LinkWorldOwner = 7;

    public int CompareTo(DiagnosticOrder other)
    {
        int c = Phase.CompareTo(other.Phase);
        if (c == 0) c = string.CompareOrdinal(Entry ?? "", other.Entry ?? "");
        if (c == 0) c = File.CompareTo(other.File);
        if (c == 0) c = Step.CompareTo(other.Step);
        if (c == 0) c = Position.CompareTo(other.Position);
        return c;
    }
}
