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
/// (<c>server/Wit.Cli/Program.cs</c>, <c>server/Wit.LanguageServer/Program.cs</c>), which hand the console's streams to everything else,
/// and the standard streams they open (<c>server/Shared/StandardStream.cs</c>, which falls back to the console's off Unix).
/// </summary>
public class ConsoleUsageTests
{
    private static readonly Regex ConsoleUse = new(@"\bConsole\b", RegexOptions.CultureInvariant);

    private static readonly string[] AllowedFiles = { "server/Wit.Cli/Program.cs", "server/Wit.LanguageServer/Program.cs", "server/Wit.DebugAdapter/Program.cs", "server/Shared/StandardStream.cs" };

    [Fact]
    public void Only_the_command_line_entry_point_uses_the_console()
    {
        var sources = CSharpSources.Under("server").ToList();
        Assert.Contains(sources, s => s.EndsWith("server/Wit.Core/Text/SourceText.cs", StringComparison.Ordinal));

        var offenders = sources
            .Where(path => !AllowedFiles.Contains(path, StringComparer.Ordinal))
            .Where(path => ConsoleUse.IsMatch(CSharpSources.CodeOf(path)))
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
        Assert.Equal(uses, ConsoleUse.IsMatch(CSharpSources.StripCommentsAndStrings(source)));
    }
}
