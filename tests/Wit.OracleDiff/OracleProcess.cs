using System;
using System.Diagnostics;
using System.IO;
using System.Text.Json;

namespace Wit.OracleDiff;

/// <summary>One long-lived node process running <c>batch-oracle.mjs</c>: a path in, upstream's verdict out.</summary>
public sealed class OracleProcess : IDisposable
{
    private readonly Process _process;

    public OracleProcess()
    {
        var start = new ProcessStartInfo("node", Path.Combine(AppContext.BaseDirectory, "batch-oracle.mjs"))
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        _process = Process.Start(start) ?? throw new InvalidOperationException("cannot start node");
    }

    /// <summary>Null when upstream accepts the package at <paramref name="path"/>, else its error message.</summary>
    public string? Check(string path)
    {
        _process.StandardInput.WriteLine(Path.GetFullPath(path));
        _process.StandardInput.Flush();
        string line = _process.StandardOutput.ReadLine() ?? throw new InvalidOperationException("the oracle process ended (is jco installed? run ../shared/tools/wit-oracle/wit-oracle once)");
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
