namespace Wit.Cli;

/// <summary>The process exit codes of every <c>wit</c> command.</summary>
public static class ExitCodes
{
    /// <summary>Everything parsed, no error diagnostics.</summary>
    public const int Success = 0;

    /// <summary>At least one error diagnostic was reported.</summary>
    public const int DiagnosticErrors = 1;

    /// <summary>The command line was invalid, or an input could not be found or read.</summary>
    public const int UsageOrIoError = 2;

    /// <summary>A bug in the tool: an exception escaped a parser. The message names the file.</summary>
    public const int InternalError = 3;
}
