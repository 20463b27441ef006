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
    public string? Check(string path)
    {
        _process.StandardInput.WriteLine(Path.GetFullPath(path));
        _process.StandardInput.Flush();
        var read = _process.StandardOutput.ReadLineAsync();
        if (!read.Wait(Timeout))
        {
            _process.Kill();
            _process.Dispose();
            _process = Start();
            throw new TimeoutException($"upstream took more than {Timeout.TotalSeconds} s");
        }

        string line = read.Result ?? throw new InvalidOperationException("the oracle process ended (is jco installed? run ../shared/tools/wit-oracle/wit-oracle once)");
        using var document = JsonDocument.Parse(line);
        return document.RootElement.GetProperty("ok").GetBoolean() ? null : document.RootElement.GetProperty("error").GetString() ?? string.Empty;
    }

    public void Dispose()
    {
        _process.StandardInput.Close();
        if (!_process.WaitForExit(5000)) _process.Kill();
        _process.Dispose();
    }
}
