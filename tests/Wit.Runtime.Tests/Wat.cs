using System;
using System.Collections.Concurrent;
using System.IO;
using Wit.Runtime.Binary;
using Wit.Runtime.Execution;
using Wit.Runtime.Tests.Spec;

namespace Wit.Runtime.Tests;

/// <summary>Test modules written in the text format, compiled with wabt's <c>wat2wasm</c> (with the name section).</summary>
internal static class Wat
{
    private static readonly ConcurrentDictionary<string, byte[]> Cache = new();

    public static byte[] Compile(string wat) => Cache.GetOrAdd(wat, static text =>
    {
        SpecCorpus.EnsureTool();
        string dir = Path.Combine(Path.GetTempPath(), "wit-runtime-tests-" + Environment.ProcessId);
        Directory.CreateDirectory(dir);
        string name = Guid.NewGuid().ToString("N");
        string input = Path.Combine(dir, name + ".wat"), output = Path.Combine(dir, name + ".wasm");
        File.WriteAllText(input, text);
        var (code, log) = SpecCorpus.Run("wat2wasm", $"--debug-names --enable-multi-memory \"{input}\" -o \"{output}\"");
        if (code != 0)
        {
            throw new InvalidOperationException($"wat2wasm failed: {log}");
        }
        return File.ReadAllBytes(output);
    });

    public static WasmModule Module(string wat) => ModuleDecoder.Decode(Compile(wat));

    public static Instance Instantiate(Store store, string wat, Func<Import, ExternValue?>? resolve = null) =>
        store.Instantiate(Module(wat), resolve ?? (_ => null));
}
