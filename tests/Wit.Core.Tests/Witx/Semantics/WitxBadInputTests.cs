using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using Wit.Core.Tests.TestKit;
using Wit.Core.Witx.Semantics;
using Wit.Core.Workspace;
using Xunit;

namespace Wit.Core.Tests.Witx.Semantics;

/// <summary>
/// Bad and extreme WITX input is a diagnostic, never an exception or a stack overflow: deep nesting, long chains of
/// names and of uses run on a small stack, and mutated corpus files resolve (and every ABI question about them is
/// answered) without throwing.
/// </summary>
public sealed class WitxBadInputTests
{
    private static T OnSmallStack<T>(Func<T> work) => StackLimited.Run(work, 256 * 1024);

    [Fact]
    public void NestingUpToTheParserLimitResolvesOnASmallStack()
    {
        const int depth = 990;
        string text = "(typename $a " + string.Concat(Enumerable.Repeat("(list ", depth)) + "u8" + new string(')', depth) + ")";

        var model = OnSmallStack(() => WitxResolver.Resolve(text));

        Assert.Empty(model.Diagnostics);
        Assert.Equal(8, model.FindTypename("a")!.Type.Layout.Size);
    }

    [Fact]
    public void NestingBeyondTheParserLimitIsADiagnostic()
    {
        const int depth = 10_000;
        string text = "(typename $a " + string.Concat(Enumerable.Repeat("(tuple ", depth)) + "u8" + new string(')', depth) + ")\n(typename $b $a)";

        var model = OnSmallStack(() => WitxResolver.Resolve(text));

        Assert.Contains(model.Diagnostics, d => d.Code == "WITX0006");
        Assert.NotNull(model.FindTypename("b"));
    }

    [Fact]
    public void LongChainsOfNamesCostNoStack()
    {
        const int count = 50_000;
        var text = new StringBuilder("(typename $t0 (enum $a))\n");
        for (int i = 1; i < count; i++) text.Append("(typename $t").Append(i).Append(" (variant (case $v $t").Append(i - 1).Append(")))\n");

        var (model, equality) = OnSmallStack(() =>
        {
            var m = WitxResolver.Resolve(text.ToString());
            var last = m.FindTypename("t" + (count - 1))!.Type;
            return (m, WitxRepresentation.Compare(last, last));
        });

        Assert.Empty(model.Diagnostics);
        Assert.Equal(WitxRepEquality.Eq, equality);
        Assert.Equal(4L * count, model.FindTypename("t" + (count - 1))!.Type.Layout.Size);
    }

    [Fact]
    public void LongChainsOfUsesCostNoStack()
    {
        const int count = 3_000;
        var files = new InMemoryFileSystem();
        for (int i = 0; i < count; i++)
        {
            files.Add($"/w/f{i}.witx", i + 1 < count ? $"(use \"f{i + 1}.witx\")\n(typename $t{i} $t{i + 1})" : $"(typename $t{i} u16)");
        }

        var model = OnSmallStack(() => WitxResolver.Resolve(files, "/w/f0.witx"));

        Assert.Empty(model.Diagnostics);
        Assert.Equal(count, model.Files.Count);
        Assert.Equal(WitxBuiltinType.U16, model.FindTypename("t0")!.Type.Builtin);
    }

    public static IEnumerable<object[]> WasiFiles() => Corpus.Files("wasi-witx", ".witx").Select(path => new object[] { Corpus.Relative(path) });

    [Theory]
    [MemberData(nameof(WasiFiles))]
    public void MutatedFilesNeverThrow(string relativePath)
    {
        string path = Corpus.PathOf(relativePath);
        string directory = Path.GetDirectoryName(path)!;
        string original = Corpus.ReadText(path);
        var random = new Random(relativePath.Length * 7919 + original.Length);
        string[] insertions = { "(", ")", "$errno", "(record)", "(list $fd)", "(@witx tag u8)", "(use \"typenames.witx\")", "u64", "\"", ";;", "(typename $x $x)" };
        var siblings = Directory.GetFiles(directory, "*.witx").ToDictionary(f => f, Corpus.ReadText);
        int problems = 0;
        for (int round = 0; round < 40; round++)
        {
            var files = new InMemoryFileSystem();
            foreach (var sibling in siblings) files.Add(sibling.Key, sibling.Value);
            files.Add(path, Mutate(original, random, insertions));

            var model = WitxResolver.Resolve(files, path);

            problems += model.Diagnostics.Count;
            foreach (var function in model.Modules.SelectMany(m => m.Functions))
            {
                if (WitxAbi.Signature(function) is { } signature) Assert.True(signature.Parameters.Count >= signature.ReturnPointerCount);
                Assert.Equal("call.wasm", WitxAbi.CallWasmProgram(function).First(i => i.StartsWith("call.", StringComparison.Ordinal)));
                Assert.Contains("call.interface", WitxAbi.CallInterfaceProgram(function));
            }

            Assert.All(model.Typenames, t => Assert.True(t.Type.Layout.Size >= 0 && t.Type.Layout.Alignment >= 1));
        }

        Assert.True(problems > 0, "the mutations should have produced some diagnostics");
    }

    private static string Mutate(string text, Random random, string[] insertions)
    {
        int start = random.Next(text.Length);
        int length = Math.Min(text.Length - start, random.Next(1, 40));
        return random.Next(3) switch
        {
            0 => text.Remove(start, length),
            1 => text.Insert(start, insertions[random.Next(insertions.Length)]),
            _ => text.Insert(start, text.Substring(start, length)),
        };
    }
}
