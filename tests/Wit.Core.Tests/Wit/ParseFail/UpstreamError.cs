using System;
using System.Globalization;
using System.IO;
using System.Text.RegularExpressions;

namespace Wit.Core.Tests.Wit.ParseFail;

/// <summary>
/// The error wit-parser rendered for a parse-fail case (<c>X.wit.result</c>): the message of its first line, with the
/// "failed to resolve directory ..." and "failed to parse package ..." context prefixes removed, and the location of
/// its <c>--&gt; file:line:column</c> line, the file mapped into the corpus.
/// </summary>
public sealed class UpstreamError
{
    private const string UpstreamDirectory = "tests/ui/parse-fail/";

    private static readonly Regex DirectoryPrefix = new(@"^failed to resolve directory while parsing WIT for path \[[^\]]*\]: ", RegexOptions.CultureInvariant);
    private static readonly Regex PackagePrefix = new(@"^failed to parse package: [^:]*: ", RegexOptions.CultureInvariant);
    private static readonly Regex Location = new(@"^\s*-->\s+(?<file>.+):(?<line>\d+):(?<column>\d+)\s*$", RegexOptions.Multiline | RegexOptions.CultureInvariant);

    /// <summary>How upstream prints an error on a source line longer than 500 bytes: <c>file:line:column: message</c>, without the line.</summary>
    private static readonly Regex InlineLocation = new(@"^(?<file>[^\s:][^:]*):(?<line>\d+):(?<column>\d+): ", RegexOptions.CultureInvariant);

    /// <summary>
    /// How upstream messages for errors of the lexer and parser (not of resolution) begin. ("empty enum" and "empty
    /// variant" are wit-parser's resolution errors, raised when it resolves the type.)
    /// </summary>
    private static readonly string[] SyntaxMessagePrefixes =
    {
        "expected ", "unterminated", "unexpected character", "type nesting too deep", "package nesting too deep",
        "invalid character", "identifiers must", "Control code", "Input contains", "Codepoint",
    };

    private UpstreamError(string message, string? file, int line, int column)
    {
        Message = message;
        File = file;
        Line = line;
        Column = column;
    }

    public string Message { get; }

    /// <summary>The absolute corpus path the error points to, or null when the rendering has no location.</summary>
    public string? File { get; }

    /// <summary>One-based.</summary>
    public int Line { get; }

    /// <summary>One-based, in Unicode scalar values.</summary>
    public int Column { get; }

    /// <summary>True for errors of the lexer or parser, which a syntax tree must reproduce.</summary>
    public bool IsSyntaxLevel
    {
        get
        {
            foreach (string prefix in SyntaxMessagePrefixes)
            {
                if (Message.StartsWith(prefix, StringComparison.Ordinal)) return true;
            }

            return false;
        }
    }

    public static UpstreamError Parse(string rendered, string parseFailDirectory)
    {
        int newline = rendered.IndexOf('\n');
        string message = (newline < 0 ? rendered : rendered.Substring(0, newline)).TrimEnd('\r');
        message = DirectoryPrefix.Replace(message, string.Empty, 1);
        message = PackagePrefix.Replace(message, string.Empty, 1);

        var match = Location.Match(rendered);
        if (!match.Success && InlineLocation.Match(message) is { Success: true } inline)
        {
            (match, message) = (inline, message.Substring(inline.Length));
        }

        if (!match.Success) return new UpstreamError(message, null, 0, 0);
        string file = match.Groups["file"].Value;
        if (file.StartsWith(UpstreamDirectory, StringComparison.Ordinal))
        {
            file = Path.Combine(parseFailDirectory, file.Substring(UpstreamDirectory.Length).Replace('/', Path.DirectorySeparatorChar));
        }

        return new UpstreamError(
            message,
            file,
            int.Parse(match.Groups["line"].Value, CultureInfo.InvariantCulture),
            int.Parse(match.Groups["column"].Value, CultureInfo.InvariantCulture));
    }
}
