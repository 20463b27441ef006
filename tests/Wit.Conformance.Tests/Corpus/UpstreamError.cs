using System;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Wit.Conformance.Tests.Corpus;

/// <summary>
/// The error wit-parser rendered for a parse-fail case (<c>X.wit.result</c>): its first line verbatim, the same line
/// without upstream's context prefixes, and the location of its <c>--&gt; file:line:column</c> line.
/// </summary>
public sealed class UpstreamError
{
    private static readonly Regex DirectoryPrefix = new(@"^failed to resolve directory while parsing WIT for path \[[^\]]*\]: ", RegexOptions.CultureInvariant);
    private static readonly Regex PackagePrefix = new(@"^failed to parse package: [^:]*: ", RegexOptions.CultureInvariant);
    private static readonly Regex Location = new(@"^\s*-->\s+(?<file>.+):(?<line>\d+):(?<column>\d+)\s*$", RegexOptions.Multiline | RegexOptions.CultureInvariant);

    /// <summary>
    /// How upstream prints an error whose source line is longer than 500 bytes: <c>file:line:column: message</c> on
    /// one line, without the line itself (wit-parser's <c>highlight_err</c>).
    /// </summary>
    private static readonly Regex InlineLocation = new(@"^(?<file>[^\s:][^:]*):(?<line>\d+):(?<column>\d+): ", RegexOptions.CultureInvariant);

    private UpstreamError(string firstLine, string message, string? file, int line, int column)
    {
        FirstLine = firstLine;
        Message = message;
        File = file;
        Line = line;
        Column = column;
    }

    /// <summary>The first line as upstream printed it, context prefixes included.</summary>
    public string FirstLine { get; }

    /// <summary>The first line without the context prefixes.</summary>
    public string Message { get; }

    /// <summary>The file as upstream printed it (<c>tests/ui/parse-fail/...</c>), or null without a location line.</summary>
    public string? File { get; }

    public int Line { get; }

    public int Column { get; }

    public string LocationText => File is null ? "(no location)" : $"{File}:{Line}:{Column}";

    public static UpstreamError Parse(string rendered)
    {
        int newline = rendered.IndexOf('\n');
        string firstLine = (newline < 0 ? rendered : rendered.Substring(0, newline)).TrimEnd('\r');
        string message = StripPrefixes(firstLine);
        var match = Location.Match(rendered);
        if (!match.Success && InlineLocation.Match(message) is { Success: true } inline)
        {
            // The location is read from the line, and the line compared without it (ours prints a window of the line).
            return new UpstreamError(
                firstLine.Replace(inline.Value, string.Empty),
                message.Substring(inline.Length),
                inline.Groups["file"].Value,
                int.Parse(inline.Groups["line"].Value, CultureInfo.InvariantCulture),
                int.Parse(inline.Groups["column"].Value, CultureInfo.InvariantCulture));
        }

        if (!match.Success) return new UpstreamError(firstLine, message, null, 0, 0);
        return new UpstreamError(
            firstLine,
            message,
            match.Groups["file"].Value,
            int.Parse(match.Groups["line"].Value, CultureInfo.InvariantCulture),
            int.Parse(match.Groups["column"].Value, CultureInfo.InvariantCulture));
    }

    /// <summary>A message line without the context prefixes upstream adds for directory roots.</summary>
    public static string StripPrefixes(string line) =>
        PackagePrefix.Replace(DirectoryPrefix.Replace(line, string.Empty, 1), string.Empty, 1);

    public override string ToString() => $"{LocationText} \"{Message}\"";
}
