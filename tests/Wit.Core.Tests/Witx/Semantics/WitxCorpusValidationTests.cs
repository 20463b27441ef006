using System.Collections.Generic;
using System.Linq;
using Wit.Core.Tests.TestKit;
using Wit.Core.Witx.Semantics;
using Wit.Core.Workspace;
using Xunit;

namespace Wit.Core.Tests.Witx.Semantics;

/// <summary>Every WASI <c>.witx</c> file of the corpus, with the files it uses, resolves without a diagnostic.</summary>
public sealed class WitxCorpusValidationTests
{
    public static IEnumerable<object[]> WasiFiles() => Corpus.Files("wasi-witx", ".witx").Select(path => new object[] { Corpus.Relative(path) });

    [Theory]
    [MemberData(nameof(WasiFiles))]
    public void ValidatesWithoutDiagnostics(string relativePath)
    {
        var model = WitxResolver.Resolve(PhysicalFileSystem.Instance, Corpus.PathOf(relativePath));

        Assert.Empty(model.Diagnostics.Select(d => $"{d.Document?.Path}:{d.Document?.GetDisplayLocation(d.Span.Start)} {d}"));
        Assert.NotEmpty(model.Files);
        Assert.True(model.Typenames.Count + model.Modules.Count > 0);
    }
}
