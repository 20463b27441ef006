using System.Collections.Generic;
using System.Linq;
using Wit.Core.Tests.TestKit;
using Wit.Core.Witx.Semantics;
using Wit.Core.Workspace;
using Xunit;
using Xunit.Abstractions;

namespace Wit.Core.Tests.Witx.Semantics;

/// <summary>
/// WITX beyond WASI: the wasi-crypto proposal's hand-written witx 0.9 files (the same API also exists as WIT in the
/// corpus) resolve without a diagnostic, and each of their functions has a witx-ABI signature.
/// </summary>
public sealed class WitxRealWorldTests
{
    private readonly ITestOutputHelper _output;

    public WitxRealWorldTests(ITestOutputHelper output) => _output = output;

    public static IEnumerable<object[]> CryptoFiles() => Corpus.Files("realworld/wasi-crypto/witx/witx-0.9", ".witx").Select(path => new object[] { Corpus.Relative(path) });

    [Theory]
    [MemberData(nameof(CryptoFiles))]
    public void WasiCryptoWitx09Validates(string relativePath)
    {
        var model = WitxResolver.Resolve(PhysicalFileSystem.Instance, Corpus.PathOf(relativePath));

        Assert.Empty(model.Diagnostics.Select(d => $"{d.Document?.Path}:{d.Document?.GetDisplayLocation(d.Span.Start)} {d}"));
        foreach (var function in model.Modules.SelectMany(m => m.Functions))
        {
            var signature = WitxAbi.Signature(function);
            Assert.NotNull(signature);
            _output.WriteLine($"{function.Name}: {signature}");
        }
    }
}
