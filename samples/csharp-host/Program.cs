// A C# host of world example:notes/app@0.1.0 (wit/notes.wit). The generator turns the world into C# (the host
// interfaces IStore, INotebook and ILog, the types Note, Tags, Query and Order, AppWorld and AppExports); this host
// implements the imports, instantiates component/notes.wasm (built from notes.wat) on an engine and calls its exports.
// The engine is chosen in one place, `--engine wasmtime|embedded` (default wasmtime); everything after it is the
// same code on both. Exits 1 when a result is not the expected one, 2 on a bad argument, so that CI can run it.
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Example.Notes.App;
using Example.Notes.Store;
using Wit.Hosting;
using Wit.Hosting.Embedded;
using Wit.Hosting.Wasmtime;

string engineName = args switch
{
    [] => "wasmtime",
    ["--engine", var name] when name is "wasmtime" or "embedded" => name,
    _ => "",
};
if (engineName.Length == 0)
{
    Console.Error.WriteLine("usage: csharp-host [--engine wasmtime|embedded]");
    return 2;
}

byte[] binary = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "component", "notes.wasm"));
using var engine = engineName == "wasmtime" ? new Wasmtime.Engine() : null;
using var component = engine is null ? null : Wasmtime.Components.Component.FromBytes(engine, binary);
using IWitLinker linker = engine is null ? new EmbeddedLinker(binary) : new WasmtimeLinker(engine, component!);
Console.WriteLine($"engine: {engineName}");
var host = new NotesHost();
using var app = AppWorld.Instantiate(linker, host);

int failures = 0;
void Expect(bool condition, string what)
{
    Console.WriteLine($"{(condition ? "ok  " : "FAIL")} {what}");
    if (!condition) failures++;
}

var empty = app.Summarize(Array.Empty<(string, string)>());
Expect(empty.IsErr && empty.Err == "empty", $"summarize([]) = {empty}");

var filed = app.Summarize(new[] { ("Renew passport", "expires in June"), ("Team sync", "agenda: hosting"), ("Ship 0.2", "sample, docs") });
Expect(filed.IsOk && filed.Ok == 3, $"summarize(3 notes) = {filed}");

var urgent = app.Urgent();
Expect(urgent.Length == 1 && urgent[0].Title == "Renew passport" && urgent[0].Tags == Tags.Urgent, $"urgent() = [{string.Join(", ", urgent.Select(n => $"{n.Id}: {n.Title} ({n.Tags})"))}]");

var second = app.Lookup(2);
Expect(second is { Title: "Team sync", Tags: Tags.Work }, $"lookup(2) = {second}");
Expect(app.Lookup(99) is null, "lookup(99) = none");

app.Close();
Expect(host.Notebooks.Count == 1 && host.Notebooks[0].Disposed, "close(): the component dropped its notebook and the host disposed it");

try
{
    app.Urgent();
    Expect(false, "urgent() after close() traps");
}
catch (WitTrapException trap)
{
    Expect(trap.Function == "urgent", $"urgent() after close() traps: {trap.Message.Split('\n')[0]}");
}

Expect(host.Lines.SequenceEqual(new[] { "summarized" }), $"log lines: {string.Join(", ", host.Lines)}");
Console.WriteLine(failures == 0 ? "all as expected" : $"{failures} unexpected");
return failures == 0 ? 0 : 1;

/// <summary>The host: notebooks in memory, and a log.</summary>
[WitHost(typeof(AppWorld))]
internal sealed class NotesHost : IStore, Example.Notes.Log.ILog
{
    public List<Notebook> Notebooks { get; } = new();

    public List<string> Lines { get; } = new();

    public INotebook CreateNotebook(string name)
    {
        var notebook = new Notebook(name);
        Notebooks.Add(notebook);
        return notebook;
    }

    public void Log(string line) => Lines.Add(line);
}

/// <summary>A notebook (the WIT resource `notebook`): the component owns the handle; the host disposes it when dropped.</summary>
internal sealed class Notebook : INotebook
{
    private readonly List<Note> _notes = new();

    public Notebook(string name) => Name = name;

    public string Name { get; }

    public bool Disposed { get; private set; }

    public uint Add(string title, string body, Tags tags)
    {
        var note = new Note((uint)_notes.Count + 1, title, body, tags);
        _notes.Add(note);
        return note.Id;
    }

    public Note[] Find(Query q, Order o)
    {
        IEnumerable<Note> found = q switch
        {
            Query.ById byId => _notes.Where(n => n.Id == byId.Value),
            Query.ByTag byTag => _notes.Where(n => (n.Tags & byTag.Value) != 0),
            _ => _notes,
        };
        return (o == Order.Newest ? found.Reverse() : found).ToArray();
    }

    public Note? Get(uint id) => _notes.FirstOrDefault(n => n.Id == id);

    public void Dispose() => Disposed = true;
}
