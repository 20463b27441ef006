using System.Collections.Generic;
using Wit.Core.Formatting;
using Xunit;

namespace Wit.Cli.Tests;

/// <summary><see cref="EditorConfig"/>: section globs as the EditorConfig specification defines them, and indentation.</summary>
public sealed class EditorConfigTests
{
    [Theory]
    [InlineData("*", "a.wit", true)]
    [InlineData("*", "deep/er/a.wit", true)]
    [InlineData("*.wit", "sub/a.wit", true)]
    [InlineData("*.wit", "a.witx", false)]
    [InlineData("*.{wit,witx}", "a.witx", true)]
    [InlineData("*.{wit,witx}", "a.md", false)]
    [InlineData("{a,b{c,d}}.wit", "bd.wit", true)]
    [InlineData("{a,b{c,d}}.wit", "b.wit", false)]
    [InlineData("{single}.wit", "{single}.wit", true)]
    [InlineData("{single}.wit", "single.wit", false)]
    [InlineData("[ab].wit", "b.wit", true)]
    [InlineData("[!ab].wit", "b.wit", false)]
    [InlineData("[!ab].wit", "c.wit", true)]
    [InlineData("?.wit", "a.wit", true)]
    [InlineData("?.wit", "ab.wit", false)]
    [InlineData("sub/*.wit", "sub/a.wit", true)]
    [InlineData("sub/*.wit", "x/sub/a.wit", false)]
    [InlineData("sub/*.wit", "sub/deeper/a.wit", false)]
    [InlineData("sub/**.wit", "sub/deeper/a.wit", true)]
    [InlineData("/sub/*.wit", "sub/a.wit", true)]
    [InlineData("**/a.wit", "x/y/a.wit", true)]
    [InlineData("file{1..3}.wit", "file2.wit", true)]
    [InlineData("file{1..3}.wit", "file4.wit", false)]
    [InlineData("file{-3..-1}.wit", "file-2.wit", true)]
    [InlineData("\\*.wit", "*.wit", true)]
    [InlineData("\\*.wit", "a.wit", false)]
    [InlineData("a.wit[", "a.wit[", true)]
    [InlineData("{a,b", "{a,b", true)]
    public void GlobsMatchAsTheSpecificationSays(string glob, string path, bool matches) =>
        Assert.Equal(matches, EditorConfig.Matches(glob, path));

    [Theory]
    [InlineData("[*]\nindent_style = tab\nindent_size = 4\n", "\t")]
    [InlineData("[*]\nindent_style = space\nindent_size = 4\n", "    ")]
    [InlineData("[*]\nindent_size = 3\n", "   ")]
    [InlineData("[*]\nINDENT_SIZE = 3\n", "   ")]
    [InlineData("[*]\nindent_style = space\nindent_size = tab\ntab_width = 6\n", "      ")]
    // Spaces of no size: the file's own unit (here detected as eight spaces).
    [InlineData("[*]\nindent_style = space\n", "        ")]
    // Comments, a size out of range, and sections for other files set nothing.
    [InlineData("# [*]\n; indent_size = 3\n", null)]
    [InlineData("[*]\nindent_size = 40\n", null)]
    [InlineData("[*.md]\nindent_size = 3\n", null)]
    public void TheIndentationComesFromTheMatchingSections(string text, string? unit)
    {
        var files = new Dictionary<string, string> { ["/r"] = "root = true\n" + text };
        var options = EditorConfig.IndentFor("/r/pkg/a.wit", d => files.TryGetValue(d, out string? t) ? t : null, detected: "        ");
        Assert.Equal(unit, options?.IndentUnit);
    }
}
