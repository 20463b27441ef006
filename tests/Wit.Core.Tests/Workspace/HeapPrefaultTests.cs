using System;
using System.Collections.Generic;
using System.Linq;
using Wit.Core.Workspace;
using Xunit;

namespace Wit.Core.Tests.Workspace;

/// <summary>
/// <see cref="HeapPrefault"/>: which memory a large batch run has faulted in ahead of it. The plan is read from the
/// process's writable anonymous mappings before and after the no-GC region opened: the rest of the region in use, then
/// the start of the small objects' new memory (the largest piece), then of the large objects' (the second largest),
/// each as much as such a run uses a byte of source, never past what was committed.
/// </summary>
public sealed class HeapPrefaultTests
{
    private const ulong MB = 1UL << 20;

    /// <summary>The layout of a 1,000,000-line check: the region in use at the top of the small objects' new memory.</summary>
    [Fact]
    public void A_large_run_populates_its_region_then_small_then_large_objects_memory()
    {
        var before = new List<(ulong, ulong)> { (0x7f0000000000, 0x7f0000800000), (0x7f0100000000, 0x7f0100021000) };
        ulong small = 0x7f0010000000, large = 0x7f0040000000;
        var after = new List<(ulong, ulong)>(before) { (small, small + (640 * MB)), (large, large + (284 * MB)) };
        after.Sort();
        ulong point = small + (636 * MB) + 0x165c8;
        long source = 40_000_000;

        var plan = HeapPrefault.Plan(before, after, point, source);

        Assert.Equal(3, plan.Count);
        Assert.Equal((0x7f0037c17000UL, small + (640 * MB)), plan[0]); // from the next page to the region's end
        ulong smallBytes = (ulong)(HeapPrefault.SmallObjectsPerSourceByte * source) - (plan[0].End - plan[0].Start);
        Assert.Equal((small, Page(small + smallBytes)), plan[1]);
        Assert.Equal((large, Page(large + (ulong)(HeapPrefault.LargeObjectsPerSourceByte * source))), plan[2]);
    }

    [Fact]
    public void The_region_in_use_is_populated_once_when_the_small_budget_reaches_it()
    {
        ulong small = 0x7f0010000000;
        var after = new List<(ulong, ulong)> { (small, small + (16 * MB)), (0x7f0040000000, 0x7f0040000000 + (4 * MB)) };
        ulong point = small + (12 * MB) + 0x10;

        var plan = HeapPrefault.Plan(Array.Empty<(ulong, ulong)>(), after, point, 100_000_000);

        Assert.Equal(new[] { (point + 4096 - 0x10, small + (16 * MB)), (small, point + 4096 - 0x10), (0x7f0040000000UL, 0x7f0040000000 + (4 * MB)) }, plan);
    }

    /// <summary>The layout of a 100,000-line check: the region in use was committed before; the large share is a grown mapping.</summary>
    [Fact]
    public void Memory_a_mapping_had_already_is_not_new_and_the_region_in_use_ends_at_its_boundary()
    {
        ulong lohStart = 0x7f0020000000;
        var before = new List<(ulong, ulong)> { (0x7f0010000000, 0x7f0010400000), (lohStart, lohStart + 0x21000) };
        var after = new List<(ulong, ulong)> { (0x7f0010000000, 0x7f0010400000), (lohStart, lohStart + (31 * MB)), (0x7f0030000000, 0x7f0030000000 + (62 * MB)) };
        ulong point = 0x7f0010045f40;
        long source = 3_869_390;

        var plan = HeapPrefault.Plan(before, after, point, source);

        Assert.Equal((0x7f0010046000UL, 0x7f0010400000UL), plan[0]);
        Assert.Equal(0x7f0030000000UL, plan[1].Start);
        Assert.Equal(lohStart + 0x21000, plan[2].Start); // what the mapping had before is not the region's
        Assert.Equal(Page(lohStart + 0x21000 + (ulong)(HeapPrefault.LargeObjectsPerSourceByte * source)), plan[2].End);
    }

    [Fact]
    public void A_budget_past_the_new_memory_stops_at_its_end()
    {
        var after = new List<(ulong, ulong)> { (0x7f0030000000, 0x7f0030000000 + (8 * MB)), (0x7f0040000000, 0x7f0040000000 + (4 * MB)) };

        var plan = HeapPrefault.Plan(Array.Empty<(ulong, ulong)>(), after, 0x10, 100_000_000);

        Assert.Equal(new[] { (0x7f0030000000UL, 0x7f0030000000 + (8 * MB)), (0x7f0040000000UL, 0x7f0040000000 + (4 * MB)) }, plan);
    }

    [Fact]
    public void Small_pieces_of_new_memory_or_nothing_new_plan_nothing()
    {
        var before = new List<(ulong, ulong)> { (0x7f0010000000, 0x7f0010400000) };
        var after = new List<(ulong, ulong)>(before) { (0x7f0050000000, 0x7f0050100000), (0x7f0060000000, 0x7f0060000000 + (2 * MB) - 4096) };

        Assert.Empty(HeapPrefault.Plan(before, after, 0x7f0010000010, 10_000_000));
        Assert.Empty(HeapPrefault.Plan(before, before, 0x7f0010000010, 10_000_000));
        Assert.Empty(HeapPrefault.Plan(before, after, 0x7f0010000010, 0));
    }

    /// <summary>Random layouts: every planned range is whole pages of one writable mapping, in order, without overlap, and no more than the budgets.</summary>
    [Fact]
    public void Plans_stay_inside_writable_memory_and_their_budgets()
    {
        var random = new Random(15);
        for (int round = 0; round < 2_000; round++)
        {
            var after = new List<(ulong Start, ulong End)>();
            ulong position = 0x7f0000000000;
            for (int i = random.Next(0, 12); i > 0; i--)
            {
                position += (ulong)random.Next(0, 4) * 4096 * (ulong)random.Next(1, 1024);
                ulong length = (ulong)random.Next(1, 80_000) * 4096;
                after.Add((position, position + length));
                position += length + 4096;
            }

            var before = after.Where(_ => random.Next(3) == 0).Select(r => random.Next(2) == 0 ? r : (r.Start, r.Start + ((r.End - r.Start) / 2 & ~4095UL))).ToList();
            ulong point = after.Count > 0 && random.Next(4) > 0 ? after[random.Next(after.Count)].Start + (ulong)random.Next(0, 1 << 20) : 0x1000;
            long source = random.Next(0, 50_000_000);

            var plan = HeapPrefault.Plan(before, after, point, source);

            ulong total = 0;
            for (int i = 0; i < plan.Count; i++)
            {
                var (start, end) = plan[i];
                Assert.True(start < end && start % 4096 == 0 && end % 4096 == 0, $"round {round}: {start:x}-{end:x}");
                Assert.Contains(after, r => r.Start <= start && end <= r.End);
                for (int j = 0; j < i; j++) Assert.True(end <= plan[j].Start || start >= plan[j].End, $"round {round}: overlap");
                total += end - start;
            }

            Assert.True(total <= (ulong)((HeapPrefault.SmallObjectsPerSourceByte + HeapPrefault.LargeObjectsPerSourceByte) * source) + (2 * 4096) + HeapPrefault.SmallRegionBytes, $"round {round}: {total}");
        }
    }

    [Fact]
    public void Writable_anonymous_mappings_are_read_from_the_maps_text()
    {
        string maps =
            "55d0c0000000-55d0c0100000 r-xp 00000000 fe:00 1234                       /usr/bin/wit\n" +
            "7f0000000000-7f0000010000 rw-p 00000000 00:00 0 \n" +
            "7f0000010000-7f0000400000 ---p 00000000 00:00 0 \n" +
            "7f0000400000-7f0000800000 rw-p 00000000 00:00 0                          [anon:GC heap]\n" +
            "7f0000800000-7f0000900000 r--p 00000000 00:00 0 \n" +
            "7f0020200000-7f0020300000 rw-p 00001000 fe:00 99                         /usr/lib/libc.so.6\n" +
            "7f0020300000-7f0020400000 rw-s 00000000 00:01 0 \n" +
            "garbage\n\n" +
            "7ffd00000000-7ffd00021000 rw-p 00000000 00:00 0                          [stack]\n";

        Assert.Equal(new[] { (0x7f0000000000UL, 0x7f0000010000UL), (0x7f0000400000UL, 0x7f0000800000UL) }, HugePages.WritableAnonymousRanges(System.Text.Encoding.ASCII.GetBytes(maps)));
    }

    /// <summary>On Linux, this process's own mappings: its heap's committed memory is among the writable ranges.</summary>
    [Fact]
    public void This_process_heap_is_among_its_writable_anonymous_mappings()
    {
        if (!OperatingSystem.IsLinux()) return;
        ulong address = HugePages.AddressOfNewObject();

        var ranges = HugePages.WritableAnonymousRangesOfThisProcess();

        Assert.NotNull(ranges);
        Assert.Contains(ranges!, r => r.Start <= address && address < r.End);
    }

    private static ulong Page(ulong address) => (address + 4095) & ~4095UL;
}
