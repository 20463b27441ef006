using System;
using System.Collections.Generic;
using System.IO;
using Wit.Runtime.Canonical;
using Wit.Runtime.Component;
using Wit.Runtime.Wasi.Preview2;
using Xunit;

namespace Wit.Runtime.Tests.Wasi;

/// <summary>
/// A <see cref="WasiPreview2"/> over a temporary directory (preopened as <c>/sandbox</c>, with <c>outside/</c> beside it
/// for escapes to aim at), called as a component's imports would call it: by interface and member name, with
/// component values.
/// </summary>
internal sealed class Preview2Host : IDisposable
{
    public Preview2Host(bool readOnly = false, string stdin = "", params string[] args)
    {
        Temp = Directory.CreateTempSubdirectory("wasi2-");
        Sandbox = Directory.CreateDirectory(Path.Combine(Temp.FullName, "sandbox")).FullName;
        Outside = Directory.CreateDirectory(Path.Combine(Temp.FullName, "outside")).FullName;
        File.WriteAllText(Path.Combine(Outside, "secret.txt"), "secret");
        Linker = new ComponentLinker();
        Wasi = WasiPreview2.AddTo(Linker, new WasiPreview2Options
        {
            Arguments = args,
            Environment = new List<KeyValuePair<string, string>> { new("GREETING", "hi"), new("EMPTY", "") },
            Stdin = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(stdin)),
            Stdout = Stdout,
            Stderr = Stderr,
            Preopens = new[] { new WasiPreopen(Sandbox, "/sandbox", readOnly) },
            InitialCwd = "/sandbox",
        });
    }

    public DirectoryInfo Temp { get; }

    public string Sandbox { get; }

    public string Outside { get; }

    public ComponentLinker Linker { get; }

    public WasiPreview2 Wasi { get; }

    public MemoryStream Stdout { get; } = new();

    public MemoryStream Stderr { get; } = new();

    /// <summary>Calls <paramref name="member"/> of <c>wasi:<paramref name="iface"/></c> (asked for at 0.2.0, as an older adapter would).</summary>
    public ComponentValue? Call(string iface, string member, params ComponentValue[] args)
    {
        Assert.True(Linker.TryGetFunction($"wasi:{iface}@0.2.0", member, out var function), $"{iface} {member} is not defined");
        return function(args);
    }

    public ComponentValue Fs(string method, params ComponentValue[] args) =>
        Call("filesystem/types", "[method]descriptor." + method, args)!;

    /// <summary>The preopened directory's descriptor (a borrow of it).</summary>
    public ComponentValue Root()
    {
        var preopens = Call("filesystem/preopens", "get-directories")!;
        var only = Assert.Single(preopens.Items);
        Assert.Equal("/sandbox", only.Items[1].Text);
        return ComponentValue.Borrow((uint)only.Items[0].Bits);
    }

    /// <summary>open-at under <paramref name="directory"/>: the new descriptor as a borrow, or the error code.</summary>
    public (ComponentValue? Descriptor, uint? Error) Open(ComponentValue directory, string path, uint openFlags, uint flags, bool follow = true)
    {
        var result = Fs("open-at", directory, ComponentValue.Flags(follow ? 1u : 0u), ComponentValue.String(path), ComponentValue.Flags(openFlags), ComponentValue.Flags(flags));
        return result.Bits == 0 ? (ComponentValue.Borrow((uint)result.Payload!.Bits), null) : (null, (uint)result.Payload!.Bits);
    }

    /// <summary>The error code of a failed result; fails the test on success.</summary>
    public static uint ErrorOf(ComponentValue result)
    {
        Assert.True(result.Bits == 1, $"expected an error, got {result}");
        return (uint)result.Payload!.Bits;
    }

    public static ComponentValue Ok(ComponentValue result)
    {
        Assert.True(result.Bits == 0, $"expected ok, got {result}");
        return result.Payload ?? ComponentValue.Record();
    }

    public void Dispose()
    {
        Wasi.Dispose();
        Temp.Delete(recursive: true);
    }
}
