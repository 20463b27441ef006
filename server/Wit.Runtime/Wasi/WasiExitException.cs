namespace Wit.Runtime.Wasi;

/// <summary>Thrown through the interpreter by WASI's <c>proc_exit</c>: the program ended with <see cref="ExitCode"/>.</summary>
public sealed class WasiExitException : WasmException
{
    public WasiExitException(int exitCode)
        : base(WasmErrorKind.Exit, -1, $"the program exited with code {exitCode}")
    {
        ExitCode = exitCode;
    }

    public int ExitCode { get; }
}
