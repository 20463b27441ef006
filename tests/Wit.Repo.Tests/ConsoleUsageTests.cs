using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using Xunit;

namespace Wit.Repo.Tests;

/// <summary>
/// Servers talk their protocol over stdout, so no project under server/ may touch the console, except the entry points
/// (<c>server/Wit.Cli/Program.cs</c>, <c>server/Wit.LanguageServer/Program.cs</c>), which hand the console's streams to everything else.
/// </summary>
public class ConsoleUsageTests
{
    private static readonly Regex ConsoleUse = new(@"\bConsole\b", RegexOptions.CultureInvariant);

    private static readonly string[] AllowedFiles = { "server/Wit.Cli/Program.cs", "server/Wit.LanguageServer/Program.cs" };

    [Fact]
    public void Only_the_command_line_entry_point_uses_the_console()
    {
        var sources = SourceFiles("server").ToList();
        Assert.Contains(sources, s => s.EndsWith("server/Wit.Core/Text/SourceText.cs", StringComparison.Ordinal));

        var offenders = sources
            .Where(path => !AllowedFiles.Contains(path, StringComparer.Ordinal))
            .Where(path => ConsoleUse.IsMatch(StripCommentsAndStrings(File.ReadAllText(RepositoryPaths.Combine(path)))))
            .ToList();

        Assert.True(offenders.Count == 0, "Console used in: " + string.Join(", ", offenders) + "; write to a TextWriter passed in instead");
    }

    [Theory]
    [InlineData("var x = 1; // Console.WriteLine(x);", false)]
    [InlineData("/* Console.Out */ int y;", false)]
    [InlineData("string s = \"Console.Out\";", false)]
    [InlineData("string s = @\"a \"\"Console\"\" b\";", false)]
    [InlineData("System.Console.Error.WriteLine(1);", true)]
    [InlineData("using static System.Console;", true)]
    [InlineData("Console .Write(\"x\");", true)]
    public void The_check_ignores_comments_and_strings(string source, bool uses)
    {
        Assert.Equal(uses, ConsoleUse.IsMatch(StripCommentsAndStrings(source)));
    }

    /// <summary>Every .cs file below a repository folder, build output excluded, as '/'-separated relative paths.</summary>
    private static IEnumerable<string> SourceFiles(string folder)
    {
        foreach (string file in Directory.EnumerateFiles(RepositoryPaths.Combine(folder), "*.cs", SearchOption.AllDirectories))
        {
            string relative = Path.GetRelativePath(RepositoryPaths.Root, file).Replace('\\', '/');
            if (relative.Split('/').Any(part => part is "bin" or "obj")) continue;
            yield return relative;
        }
    }

    /// <summary>Blanks out comments and string and character literals, roughly as the C# lexer reads them.</summary>
    private static string StripCommentsAndStrings(string source)
    {
        var result = new StringBuilder(source.Length);
        int i = 0;
        while (i < source.Length)
        {
            char c = source[i];
            char next = i + 1 < source.Length ? source[i + 1] : '\0';
            if (c == '/' && next == '/')
            {
                while (i < source.Length && source[i] != '\n') i++;
            }
            else if (c == '/' && next == '*')
            {
                int end = source.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = end < 0 ? source.Length : end + 2;
            }
            else if (c == '@' && next == '"' || c == '$' && next == '@' || c == '@' && next == '$')
            {
                // Verbatim string: "" is an escaped quote.
                i = source.IndexOf('"', i) + 1;
                while (i < source.Length)
                {
                    if (source[i] == '"' && i + 1 < source.Length && source[i + 1] == '"') i += 2;
                    else if (source[i] == '"') { i++; break; }
                    else i++;
                }
            }
            else if (c == '"' || c == '\'')
            {
                i++;
                while (i < source.Length && source[i] != c && source[i] != '\n')
                {
                    i += source[i] == '\\' ? 2 : 1;
                }

                i++;
            }
            else
            {
                result.Append(c);
                i++;
            }
        }

        return result.ToString();
    }
}
