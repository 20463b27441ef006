using Wit.Core.Diagnostics;

namespace Wit.Cli;

/// <summary>
/// Spells a diagnostic's message the way wit-parser's error chain prints it on one line. Upstream wraps errors in
/// context when the root is a directory: every error gets <c>failed to resolve directory while parsing WIT for path
/// [ROOT]: </c>, and an error raised while parsing the root's own package (its syntax and the resolution inside the
/// package, before packages are linked) also gets <c>failed to parse package: ROOT: </c>. A single-file root gets
/// neither.
/// </summary>
public static class WitParserMessageFormatter
{
    /// <summary>The first line of the message with upstream's context prefixes.</summary>
    /// <param name="diagnostic">The diagnostic.</param>
    /// <param name="rootPath">The package root as given (upstream prints it as given, with '/' separators).</param>
    /// <param name="rootIsDirectory">Whether the root is a directory.</param>
    /// <param name="inRootPackageParse">
    /// Whether the error arose while parsing the root package itself rather than while linking packages or in a
    /// dependency; the resolver does not record this, so the caller decides.
    /// </param>
    public static string FirstLine(Diagnostic diagnostic, string rootPath, bool rootIsDirectory, bool inRootPackageParse)
    {
        string message = FirstLineOf(diagnostic.Message);
        if (!rootIsDirectory) return message;
        string path = rootPath.Replace('\\', '/').TrimEnd('/');
        string prefix = $"failed to resolve directory while parsing WIT for path [{path}]: ";
        if (inRootPackageParse) prefix += $"failed to parse package: {path}: ";
        return prefix + message;
    }

    /// <summary>The text before the first line break.</summary>
    public static string FirstLineOf(string message)
    {
        int newline = message.IndexOf('\n');
        return (newline < 0 ? message : message.Substring(0, newline)).TrimEnd('\r');
    }
}
