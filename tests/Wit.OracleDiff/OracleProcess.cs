using System;
using System.Diagnostics;
using System.IO;
using System.Text.Json;

namespace Wit.OracleDiff;

/// <summary>One long-lived node process running <c>batch-oracle.mjs</c>: a path in, upstream's verdict out.</summary>
public sealed class OracleProcess : IDisposable
{
    /// <summary>Upstream is exponential on some inputs (long `use` chains in elaboration): give up after this long.</summary>
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private Process _process;

    public OracleProcess() => _process = Start();

    private static Process Start()
    {
        var start = new ProcessStartInfo("node", Path.Combine(AppContext.BaseDirectory, "batch-oracle.mjs"))
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        return Process.Start(start) ?? throw new InvalidOperationException("cannot start node");
    }

    /// <summary>
    /// Null when upstream accepts the package at <paramref name="path"/>, else its error message; a
    /// <see cref="TimeoutException"/> when upstream takes too long (the process is restarted).
    /// </summary>
    public string? Check(string path) => Check(path, retry: true);

    private string? Check(string path, bool retry)
    {
        _process.StandardInput.WriteLine(Path.GetFullPath(path));
        _process.StandardInput.Flush();
        var read = _process.StandardOutput.ReadLineAsync();
        if (!read.Wait(Timeout))
        {
            Restart();
            throw new TimeoutException($"upstream took more than {Timeout.TotalSeconds} s");
        }

        string line = read.Result ?? throw new InvalidOperationException("the oracle process ended (is jco installed? run ../shared/tools/wit-oracle/wit-oracle once)");
        using var document = JsonDocument.Parse(line);
        if (document.RootElement.GetProperty("ok").GetBoolean()) return null;
        string error = document.RootElement.GetProperty("error").GetString() ?? string.Empty;

        // A panic inside upstream poisons its wasm instance: every later call traps. Start afresh; the input that
        // panicked has no verdict, and one that met the poisoned instance is asked again.
        if (error.Contains("panicked at", StringComparison.Ordinal) || error.Contains("unreachable", StringComparison.Ordinal))
        {
            Restart();
            throw new UpstreamPanicException(error);
        }

        if (error.Contains("cannot enter component instance", StringComparison.Ordinal))
        {
            Restart();
            if (retry) return Check(path, retry: false);
        }

        return error;
    }

    private void Restart()
    {
        _process.Kill();
        _process.Dispose();
        _process = Start();
    }

    public void Dispose()
    {
        _process.StandardInput.Close();
        if (!_process.WaitForExit(5000)) _process.Kill();
        _process.Dispose();
    }
}

/// <summary>Upstream panicked on an input (a bug of upstream's, not a verdict).</summary>
public sealed class UpstreamPanicException : Exception
{
    public UpstreamPanicException(string message) : base(message)
    {
    }
}
