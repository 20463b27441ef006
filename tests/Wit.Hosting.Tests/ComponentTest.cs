using System;
using System.IO;
using Wasmtime;
using Wasmtime.Components;
using Wit.Hosting.Embedded;
using Wit.Hosting.Wasmtime;

namespace Wit.Hosting.Tests;

/// <summary>
/// A test over one component of <c>Components/</c> (text format) on a Wasmtime engine, or on the embedded engine (the
/// component text made a binary by jco's parser), each test with a new linker.
/// </summary>
public abstract class ComponentTest : IDisposable
{
    private readonly Engine _engine = new();
    private readonly Component _component;
    private readonly byte[]? _binary;

    protected ComponentTest(string file, bool embedded = false)
    {
        string text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Components", file));
        _component = Component.FromText(_engine, text);
        if (embedded) _binary = Wit.TestKit.ComponentText.Parse(text);
    }

    /// <summary>A linker for the component, which the test disposes.</summary>
    protected IWitLinker NewLinker() => _binary is { } binary ? new EmbeddedLinker(binary) : new WasmtimeLinker(_engine, _component);

    public void Dispose()
    {
        _component.Dispose();
        _engine.Dispose();
        GC.SuppressFinalize(this);
    }
}
