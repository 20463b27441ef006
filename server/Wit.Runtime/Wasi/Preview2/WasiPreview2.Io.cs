using System;
using System.IO;
using Wit.Runtime.Canonical;

namespace Wit.Runtime.Wasi.Preview2;

public sealed partial class WasiPreview2
{
    /// <summary>What <c>check-write</c> allows per write.</summary>
    private const ulong WritePermit = 1 << 20;

    private static readonly ComponentValue Closed = ComponentValue.Err(ComponentValue.Case(1));

    private void DefineIo()
    {
        DefineResource("io/error", "error", _errors);
        Define("io/error", "[method]error.to-debug-string", a => ComponentValue.String(_errors.Get(a[0]).Message));

        DefineResource("io/poll", "pollable", _pollables);
        Define("io/poll", "[method]pollable.ready", a => ComponentValue.Bool(_pollables.Get(a[0]).Ready));
        Define("io/poll", "[method]pollable.block", a =>
        {
            _pollables.Get(a[0]).Block();
            return null;
        });
        Define("io/poll", "poll", a => Poll(a[0]));

        const string streams = "io/streams";
        DefineResource(streams, "input-stream", _inputs);
        DefineResource(streams, "output-stream", _outputs);
        Define(streams, "[method]input-stream.read", a => Read(a[0], a[1].Bits));
        Define(streams, "[method]input-stream.blocking-read", a => Read(a[0], a[1].Bits));
        Define(streams, "[method]input-stream.skip", a => Skip(a[0], a[1].Bits));
        Define(streams, "[method]input-stream.blocking-skip", a => Skip(a[0], a[1].Bits));
        Define(streams, "[method]input-stream.subscribe", a =>
        {
            _inputs.Get(a[0]);
            return _pollables.Own(new Pollable());
        });

        Define(streams, "[method]output-stream.check-write", a =>
        {
            _outputs.Get(a[0]);
            return ComponentValue.Ok(ComponentValue.U64(WritePermit));
        });
        Define(streams, "[method]output-stream.write", a => Write(a[0], a[1], flush: false));
        Define(streams, "[method]output-stream.blocking-write-and-flush", a => Write(a[0], a[1], flush: true));
        Define(streams, "[method]output-stream.flush", a => Flush(a[0]));
        Define(streams, "[method]output-stream.blocking-flush", a => Flush(a[0]));
        Define(streams, "[method]output-stream.subscribe", a =>
        {
            _outputs.Get(a[0]);
            return _pollables.Own(new Pollable());
        });
        Define(streams, "[method]output-stream.write-zeroes", a => WriteZeroes(a[0], a[1].Bits));
        Define(streams, "[method]output-stream.blocking-write-zeroes-and-flush", a => WriteZeroes(a[0], a[1].Bits));
        Define(streams, "[method]output-stream.splice", a => Splice(a[0], a[1], a[2].Bits));
        Define(streams, "[method]output-stream.blocking-splice", a => Splice(a[0], a[1], a[2].Bits));
    }

    /// <summary>
    /// <c>poll</c>: the indices of the ready pollables, blocking until at least one is; an empty list traps, as it
    /// would wait forever.
    /// </summary>
    private ComponentValue Poll(ComponentValue list)
    {
        if (list.Items.Count == 0) throw new WasmException(WasmErrorKind.Trap, -1, "poll was given an empty list");
        var pollables = new Pollable[list.Items.Count];
        Pollable earliest = _pollables.Get(list.Items[0]);
        for (int i = 0; i < pollables.Length; i++)
        {
            pollables[i] = _pollables.Get(list.Items[i]);
            if (pollables[i].Deadline < earliest.Deadline) earliest = pollables[i];
        }

        earliest.Block();
        var ready = new System.Collections.Generic.List<ComponentValue>();
        for (int i = 0; i < pollables.Length; i++)
        {
            if (pollables[i].Ready) ready.Add(ComponentValue.U32((uint)i));
        }

        return ComponentValue.List(ready.ToArray());
    }

    private ComponentValue Read(ComponentValue self, ulong length)
    {
        var stream = _inputs.Get(self);
        var buffer = new byte[CheckedLength(length, "read")];
        if (buffer.Length == 0) return ComponentValue.Ok(ComponentValue.List());
        int n;
        try
        {
            n = stream.Read(buffer);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ObjectDisposedException or NotSupportedException)
        {
            return StreamFailed(e);
        }

        return n == 0 ? Closed : ComponentValue.Ok(Bytes(buffer.AsSpan(0, n)));
    }

    private ComponentValue Skip(ComponentValue self, ulong length)
    {
        var read = Read(self, Math.Min(length, 1 << 16));
        return read.Bits == 0 ? ComponentValue.Ok(ComponentValue.U64((ulong)read.Payload!.Items.Count)) : read;
    }

    private ComponentValue Write(ComponentValue self, ComponentValue contents, bool flush)
    {
        var stream = _outputs.Get(self);
        if (!flush && (ulong)contents.Items.Count > WritePermit)
        {
            throw new WasmException(WasmErrorKind.Trap, -1, $"write of {contents.Items.Count} bytes, more than check-write permitted ({WritePermit})");
        }

        return Attempt(() =>
        {
            stream.Write(BytesOf(contents));
            if (flush) stream.Flush();
        });
    }

    private ComponentValue Flush(ComponentValue self)
    {
        var stream = _outputs.Get(self);
        return Attempt(stream.Flush);
    }

    private ComponentValue WriteZeroes(ComponentValue self, ulong length)
    {
        var stream = _outputs.Get(self);
        var zeroes = new byte[CheckedLength(length, "write-zeroes")];
        return Attempt(() => stream.Write(zeroes));
    }

    private ComponentValue Splice(ComponentValue self, ComponentValue source, ulong length)
    {
        var output = _outputs.Get(self);
        var read = Read(source, Math.Min(length, 1 << 16));
        if (read.Bits != 0) return read;
        var bytes = BytesOf(read.Payload!);
        var written = Attempt(() => output.Write(bytes));
        return written.Bits == 0 ? ComponentValue.Ok(ComponentValue.U64((ulong)bytes.Length)) : written;
    }

    private ComponentValue Attempt(Action action)
    {
        try
        {
            action();
            return ComponentValue.Ok();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ObjectDisposedException or NotSupportedException)
        {
            return StreamFailed(e);
        }
    }

    /// <summary><c>stream-error.last-operation-failed</c> with an <c>error</c> whose file system code says what failed.</summary>
    private ComponentValue StreamFailed(Exception e) =>
        ComponentValue.Err(ComponentValue.Case(0, _errors.Own(new IoError(e.Message, ErrorCodes.FromException(e)))));
}
