using System;
using System.IO;
using Wasmtime;
using Wasmtime.Components;
using Wit.Hosting.Wasmtime;

namespace Wit.Hosting.Tests;

/// <summary>A test over one component of <c>Components/</c> (text format) on a Wasmtime engine, each test with a new linker.</summary>
public abstract class ComponentTest : IDisposable
{
    private readonly Engine _engine = new();
    private readonly Component _component;

    protected ComponentTest(string file)
    {
        _component = Component.FromText(_engine, File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Components", file)));
    }

    /// <summary>A linker for the component, which the test disposes.</summary>
    protected WasmtimeLinker NewLinker() => new(_engine, _component);

    public void Dispose()
    {
        _component.Dispose();
        _engine.Dispose();
        GC.SuppressFinalize(this);
    }
}
