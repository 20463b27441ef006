using System.Linq;
using Wit.Core.Abi;
using Wit.Core.Tests.TestKit;
using Wit.Core.Witx.Semantics;
using Wit.Core.Workspace;
using Xunit;

namespace Wit.Core.Tests.Witx.Semantics;

/// <summary>
/// WITX layout and ABI of WASI preview1 against an independent oracle: the sizes, alignments and field offsets that
/// wasi-libc's <c>wasi/api.h</c> asserts with <c>_Static_assert</c>, and the core import signatures it declares (the
/// functions every preview1 program has linked against since 2019).
/// </summary>
public sealed class WitxPreview1OracleTests
{
    private static readonly WitxModel Preview1 = WitxResolver.Resolve(PhysicalFileSystem.Instance,
        Corpus.PathOf("wasi-witx", "wasi-0.1-branch", "preview1", "witx", "wasi_snapshot_preview1.witx"));

    [Theory]
    [InlineData("iovec", 8, 4, new long[] { 0, 4 })]
    [InlineData("ciovec", 8, 4, new long[] { 0, 4 })]
    [InlineData("dirent", 24, 8, new long[] { 0, 8, 16, 20 })]
    [InlineData("fdstat", 24, 8, new long[] { 0, 2, 8, 16 })]
    [InlineData("filestat", 64, 8, new long[] { 0, 8, 16, 24, 32, 40, 48, 56 })]
    [InlineData("event_fd_readwrite", 16, 8, new long[] { 0, 8 })]
    [InlineData("event", 32, 8, new long[] { 0, 8, 10, 16 })]
    [InlineData("subscription_clock", 32, 8, new long[] { 0, 8, 16, 24 })]
    [InlineData("subscription_fd_readwrite", 4, 4, new long[] { 0 })]
    [InlineData("subscription", 48, 8, new long[] { 0, 8 })]
    [InlineData("prestat_dir", 4, 4, new long[] { 0 })]
    public void RecordLayoutsMatchWasiLibc(string name, long size, int alignment, long[] offsets)
    {
        var type = Preview1.FindTypename(name)!.Type;

        Assert.Equal((size, alignment), (type.Layout.Size, type.Layout.Alignment));
        Assert.Equal(offsets, type.Layout.FieldOffsets);
    }

    [Theory]
    [InlineData("subscription_u", 40, 8, 1, 8)]
    [InlineData("prestat", 8, 4, 1, 4)]
    public void UnionLayoutsMatchWasiLibc(string name, long size, int alignment, int tagSize, long payloadOffset)
    {
        var layout = Preview1.FindTypename(name)!.Type.Layout;

        Assert.Equal((size, alignment, tagSize, payloadOffset), (layout.Size, layout.Alignment, layout.TagSize, layout.PayloadOffset));
    }

    [Theory]
    [InlineData("errno", 2)]
    [InlineData("rights", 8)]
    [InlineData("fdflags", 2)]
    [InlineData("oflags", 2)]
    [InlineData("lookupflags", 4)]
    [InlineData("clockid", 4)]
    [InlineData("filetype", 1)]
    [InlineData("whence", 1)]
    [InlineData("eventtype", 1)]
    [InlineData("signal", 1)]
    [InlineData("fstflags", 2)]
    [InlineData("sdflags", 1)]
    [InlineData("timestamp", 8)]
    [InlineData("fd", 4)]
    [InlineData("size", 4)]
    public void ScalarSizesMatchWasiLibc(string name, long size)
    {
        var layout = Preview1.FindTypename(name)!.Type.Layout;

        Assert.Equal((size, (int)size), (layout.Size, layout.Alignment));
    }

    [Theory]
    [InlineData("args_get", "i32 i32", "i32")]
    [InlineData("args_sizes_get", "i32 i32", "i32")]
    [InlineData("clock_time_get", "i32 i64 i32", "i32")]
    [InlineData("fd_read", "i32 i32 i32 i32", "i32")]
    [InlineData("fd_seek", "i32 i64 i32 i32", "i32")]
    [InlineData("fd_prestat_get", "i32 i32", "i32")]
    [InlineData("fd_fdstat_set_rights", "i32 i64 i64", "i32")]
    [InlineData("path_open", "i32 i32 i32 i32 i32 i64 i64 i32 i32", "i32")]
    [InlineData("path_filestat_set_times", "i32 i32 i32 i32 i64 i64 i32", "i32")]
    [InlineData("poll_oneoff", "i32 i32 i32 i32", "i32")]
    [InlineData("proc_exit", "i32", "")]
    [InlineData("proc_raise", "i32", "i32")]
    [InlineData("random_get", "i32 i32", "i32")]
    [InlineData("sched_yield", "", "i32")]
    [InlineData("sock_recv", "i32 i32 i32 i32 i32 i32", "i32")]
    public void SignaturesMatchWasiLibc(string name, string parameters, string results)
    {
        var function = Preview1.FindModule("wasi_snapshot_preview1")!.FindFunction(name)!;
        var signature = WitxAbi.Signature(function)!;

        Assert.Equal(parameters, string.Join(" ", signature.Parameters.Select(CoreValueTypes.Name)));
        Assert.Equal(results, string.Join(" ", signature.Results.Select(CoreValueTypes.Name)));
    }

    [Fact]
    public void EveryPreview1FunctionHasASignatureAndTheModuleImportsMemory()
    {
        var module = Preview1.FindModule("wasi_snapshot_preview1")!;

        Assert.Equal(46, module.Functions.Count);
        Assert.All(module.Functions, f => Assert.NotNull(WitxAbi.Signature(f)));
        Assert.Equal("memory", Assert.Single(module.Imports).Name);
        Assert.True(module.FindFunction("proc_exit")!.IsNoreturn);
    }
}
