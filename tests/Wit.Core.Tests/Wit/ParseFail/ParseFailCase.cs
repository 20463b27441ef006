using System.Collections.Generic;

namespace Wit.Core.Tests.Wit.ParseFail;

/// <summary>
/// One case of wit-parser's <c>parse-fail</c> folder: a <c>X.wit</c> file or an <c>X/</c> package directory, and the
/// error upstream reported for it.
/// </summary>
public sealed class ParseFailCase
{
    public ParseFailCase(string name, IReadOnlyList<string> files, IReadOnlyList<string> allFiles, UpstreamError expected)
    {
        Name = name;
        Files = files;
        AllFiles = allFiles;
        Expected = expected;
    }

    /// <summary>The case name (<c>X</c>).</summary>
    public string Name { get; }

    /// <summary>The package's own <c>*.wit</c> files in ordinal order (<c>deps/</c> left out).</summary>
    public IReadOnlyList<string> Files { get; }

    /// <summary>Every <c>*.wit</c> file of the case, its dependencies included.</summary>
    public IReadOnlyList<string> AllFiles { get; }

    public UpstreamError Expected { get; }
}
