using System;
using System.IO;
using System.Runtime;
using Wit.Core.Workspace;
using Xunit;

namespace Wit.Core.Tests.Workspace;

/// <summary>How much WIT a batch run reads (<see cref="BatchCollection.SourceBytes"/>): what the workspace loader reads, no more.</summary>
public sealed class BatchCollectionSourceTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "wit-batch-" + Guid.NewGuid().ToString("N"));

    public BatchCollectionSourceTests() => Directory.CreateDirectory(_directory);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private void Write(string relative, int bytes)
    {
        string path = Path.Combine(_directory, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, new byte[bytes]);
    }

    [Fact]
    public void A_file_is_its_length()
    {
        Write("a.wit", 1234);
        Assert.Equal(1234, BatchCollection.SourceBytes(Path.Combine(_directory, "a.wit")));
    }

    [Fact]
    public void A_directory_is_its_own_wit_files_and_those_under_deps()
    {
        Write("a.wit", 100);
        Write("b.wit", 20);
        Write("deps/x/x.wit", 3);
        Write("deps/y.wit", 4000);
        Write("deps/x/nested/deeper/z.wit", 50000);
        // Not read by the loader: other folders, other extensions.
        Write("wit/other.wit", 700000);
        Write("README.md", 900);
        Write("deps/x/x.wasm", 800);
        Assert.Equal(100 + 20 + 3 + 4000 + 50000, BatchCollection.SourceBytes(_directory));
    }

    [Fact]
    public void The_largest_file_is_measured_among_the_ones_read()
    {
        Write("a.wit", 100);
        Write("deps/x/nested/z.wit", 50000);
        Write("deps/y.wit", 4000);
        Write("wit/other.wit", 700000); // not read
        Assert.Equal(new BatchCollection.SourceSize(54100, 50000), BatchCollection.Measure(_directory));
        Assert.Equal(new BatchCollection.SourceSize(4000, 4000), BatchCollection.Measure(Path.Combine(_directory, "deps", "y.wit")));
        Assert.Equal(default, BatchCollection.Measure(Path.Combine(_directory, "missing")));
    }

    [Fact]
    public void A_file_from_the_large_text_size_can_make_a_large_object_and_a_smaller_one_cannot()
    {
        // Its UTF-16 text: two bytes a character, at most one character a byte of UTF-8.
        Assert.True(2 * BatchCollection.LargeTextFileBytes >= 85_000 - 1);
        Assert.True(2 * (BatchCollection.LargeTextFileBytes - 1) < 85_000);
        // The collector puts a large object in the oldest generation at once.
        Assert.Equal(System.GC.MaxGeneration, System.GC.GetGeneration(new string('a', (int)BatchCollection.LargeTextFileBytes)));
    }

    [Fact]
    public void Nothing_to_read_is_zero()
    {
        Assert.Equal(0, BatchCollection.SourceBytes(_directory));
        Assert.Equal(0, BatchCollection.SourceBytes(Path.Combine(_directory, "missing")));
        Assert.Equal(0, BatchCollection.SourceBytes(Path.Combine(_directory, "missing.wit")));
    }
}

/// <summary>
/// The no-GC region itself. The region is the process's, so these run alone (no other test allocates or collects
/// meanwhile).
/// </summary>
[Collection(Name)]
public sealed class BatchCollectionRegionTests
{
    public const string Name = "no-GC region";

    [CollectionDefinition(Name, DisableParallelization = true)]
    public sealed class Definition
    {
    }

    [Fact]
    public void A_large_input_runs_without_collections_until_the_region_ends()
    {
        var before = GCSettings.LatencyMode;
        const long twoMegabytes = 2 << 20;
        Assert.True(BatchCollection.TryReserve(twoMegabytes));
        try
        {
            Assert.Equal(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
            int collections = GC.CollectionCount(0);
            // 16 MB in small objects that all stay alive, as a tree does; within the 4 + 32 MB set aside for them.
            var kept = new object[16 * 1024];
            for (int i = 0; i < kept.Length; i++) kept[i] = new byte[1000];
            Assert.Equal(collections, GC.CollectionCount(0));
            GC.KeepAlive(kept);
            Assert.False(BatchCollection.TryReserve(twoMegabytes)); // one region at a time
        }
        finally
        {
            Assert.True(BatchCollection.End());
        }

        Assert.Equal(before, GCSettings.LatencyMode);
        Assert.False(BatchCollection.End());
    }

    [Fact]
    public void Allocating_past_the_region_ends_it_and_collections_resume()
    {
        Assert.True(BatchCollection.TryReserve(1 << 20));
        int collections = GC.CollectionCount(0);
        // Far past the 4 + 16 MB set aside for small objects, in garbage.
        for (int i = 0; i < 200_000; i++) GC.KeepAlive(new byte[1000]);
        Assert.NotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
        Assert.True(GC.CollectionCount(0) > collections);
        Assert.False(BatchCollection.End());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(BatchCollection.MinimumSourceBytes - 1)]
    [InlineData(long.MaxValue)]
    public void Small_and_impossible_requests_leave_the_collector_as_it_was(long sourceBytes)
    {
        var before = GCSettings.LatencyMode;
        Assert.False(BatchCollection.TryReserve(sourceBytes));
        Assert.Equal(before, GCSettings.LatencyMode);
        Assert.NotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
    }
}
