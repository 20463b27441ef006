using System;
using System.Globalization;
using System.IO;
using System.Runtime.InteropServices;
using Wit.Core.Workspace;
using Xunit;

namespace Wit.Core.Tests.Workspace;

/// <summary>
/// <see cref="HugePages"/>: which range of a process's mappings is the collector's (the run of anonymous mappings
/// without a gap around one of its objects), when the advice is asked for, and that on Linux it really marks the
/// heap's mapping (<c>hg</c> in its <c>VmFlags</c>).
/// </summary>
public sealed class HugePagesTests
{
    private const string Maps =
        "55d0c0000000-55d0c0100000 r-xp 00000000 fe:00 1234                       /usr/bin/wit\n" +
        "55d0c0100000-55d0c0200000 rw-p 00000000 00:00 0                          [heap]\n" +
        "7f0000000000-7f0000010000 rw-p 00000000 00:00 0 \n" +
        "7f0000010000-7f0000400000 ---p 00000000 00:00 0 \n" +
        "7f0000400000-7f0000800000 rw-p 00000000 00:00 0 \n" +
        "7f0000800000-7f0010000000 ---p 00000000 00:00 0 \n" +
        "7f0010001000-7f0010002000 rw-p 00000000 00:00 0 \n" +
        "7f0020000000-7f0020100000 rw-p 00000000 00:00 0                          [anon:before]\n" +
        "7f0020100000-7f0020200000 rw-p 00000000 00:00 0                          [anon:GC heap]\n" +
        "7f0020200000-7f0020300000 rw-p 00001000 fe:00 99                         /usr/lib/libc.so.6\n" +
        "7f0020300000-7f0020400000 rw-p 00000000 00:00 0 \n" +
        "7ffd00000000-7ffd00021000 rw-p 00000000 00:00 0                          [stack]\n";

    [Theory]
    [InlineData(0x7f0000400010UL, 0x7f0000000000UL, 0x7f0010000000UL)] // committed parts and reserved gaps of one reservation
    [InlineData(0x7f0000000000UL, 0x7f0000000000UL, 0x7f0010000000UL)] // its first byte
    [InlineData(0x7f000fffffffUL, 0x7f0000000000UL, 0x7f0010000000UL)] // its last byte
    [InlineData(0x7f0010001800UL, 0x7f0010001000UL, 0x7f0010002000UL)] // after a gap: a mapping of its own
    [InlineData(0x7f0020180000UL, 0x7f0020000000UL, 0x7f0020200000UL)] // named anonymous memory; a file mapping ends the run
    [InlineData(0x7f0020300000UL, 0x7f0020300000UL, 0x7f0020400000UL)] // after a file mapping, not joined to it; [stack] is apart
    public void The_heap_range_is_the_run_of_anonymous_mappings_around_the_address(ulong address, ulong start, ulong end)
    {
        Assert.Equal((start, end), HugePages.HeapRange(Bytes(Maps), address));
    }

    [Theory]
    [InlineData(0x55d0c0000100UL)] // the program's code
    [InlineData(0x55d0c0100100UL)] // the C heap
    [InlineData(0x7f0010000800UL)] // a gap
    [InlineData(0x7f0020200800UL)] // a library's data
    [InlineData(0x7ffd00000100UL)] // the stack
    [InlineData(0x10UL)]
    public void An_address_outside_anonymous_memory_has_no_heap_range(ulong address)
    {
        Assert.Null(HugePages.HeapRange(Bytes(Maps), address));
    }

    [Fact]
    public void Malformed_lines_are_skipped_and_break_a_run()
    {
        string maps = "7f0000000000-7f0000001000 rw-p 00000000 00:00 0\n" + "garbage\n" + "zz-7f0000003000 rw-p 00000000 00:00 0\n"
            + "7f0000003000-7f0000004000 rw-p 00000000 00:00 0\n   \n\n";

        Assert.Equal((0x7f0000000000UL, 0x7f0000001000UL), HugePages.HeapRange(Bytes(maps), 0x7f0000000010UL));
        Assert.Equal((0x7f0000003000UL, 0x7f0000004000UL), HugePages.HeapRange(Bytes(maps), 0x7f0000003010UL));
        Assert.Null(HugePages.HeapRange(Bytes(string.Empty), 0x7f0000003010UL));
    }

    [Fact]
    public void Fields_may_be_apart_by_several_spaces_and_hex_digits_in_either_case()
    {
        string maps = "7F0000000000-7f0000001000  rw-p 00000000 00:00   0   \n" + "7f0000001000-7F0000002000 rw-p 00000000 00:00 0 [anon:x]\n"
            + "7f0000002000-7f0000003000 rw-s 00000000 00:01 0\n" + "7f0000003000-7f00000040000000000000 rw-p 00000000 00:00 0\n";

        Assert.Equal((0x7f0000000000UL, 0x7f0000002000UL), HugePages.HeapRange(Bytes(maps), 0x7f0000001010UL));
        Assert.Null(HugePages.HeapRange(Bytes(maps), 0x7f0000002010UL)); // shared
        Assert.Null(HugePages.HeapRange(Bytes(maps), 0x7f0000003010UL)); // an end past 64 bits
    }

    private static byte[] Bytes(string maps) => System.Text.Encoding.ASCII.GetBytes(maps);

    [Theory]
    [InlineData("0", "always [madvise] never", HugePages.Outcome.TurnedOff)]
    [InlineData("0", null, HugePages.Outcome.TurnedOff)]
    [InlineData(null, null, HugePages.Outcome.Unavailable)]
    [InlineData(null, "always madvise [never]\n", HugePages.Outcome.Unavailable)]
    [InlineData("1", "always madvise [never]\n", HugePages.Outcome.Unavailable)]
    public void The_advice_is_not_given_when_turned_off_or_unavailable(string? setting, string? mode, HugePages.Outcome expected)
    {
        Assert.Equal(expected, HugePages.Advise(setting, mode));
    }

    [Fact]
    public void A_system_that_gives_huge_pages_to_every_program_needs_no_advice()
    {
        var expected = OperatingSystem.IsLinux() ? HugePages.Outcome.AlreadyOn : HugePages.Outcome.Unavailable;
        Assert.Equal(expected, HugePages.Advise(null, "[always] madvise never\n"));
    }

    [Fact]
    public void On_linux_the_advice_marks_the_mapping_that_holds_the_heap()
    {
        var outcome = HugePages.Advise(null, "always [madvise] never\n");
        if (!OperatingSystem.IsLinux())
        {
            Assert.Equal(HugePages.Outcome.Unavailable, outcome);
            return;
        }

        Assert.Equal(HugePages.Outcome.Advised, outcome);

        // A new object of the heap lies in a mapping the kernel now lists as advised for huge pages ("hg").
        string? flags = MappingField(HugePages.AddressOfNewObject(), "VmFlags:");
        Assert.NotNull(flags);
        Assert.Contains("hg", flags!.Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void On_linux_a_collapsed_block_becomes_one_huge_page()
    {
        const int block = 2 << 20;
        IntPtr memory = Marshal.AllocHGlobal(3 * block);
        try
        {
            // A block of anonymous memory with one 4 KB page touched, as the collector's was when its region opened.
            ulong address = ((ulong)(long)memory + block - 1) & ~(ulong)(block - 1);
            var start = (IntPtr)(long)address;
            Marshal.WriteByte(start, 100, 1);
            bool collapsed = HugePages.Collapse(address + 4096);
            if (!OperatingSystem.IsLinux() || !File.Exists("/sys/kernel/mm/transparent_hugepage/enabled"))
            {
                Assert.False(collapsed);
                return;
            }

            Assert.True(collapsed, "the kernel did not collapse the block");
            Assert.True(MappingKilobytes(address, "AnonHugePages:") >= 2048, "no huge page in the block's mapping");
            Assert.Equal(1, Marshal.ReadByte(start, 100));
            Assert.Equal(0, Marshal.ReadByte(start, block - 1));
        }
        finally
        {
            Marshal.FreeHGlobal(memory);
        }
    }

    /// <summary>A field of <c>/proc/self/smaps</c> for the mapping that holds <paramref name="address"/>, in kB.</summary>
    private static long MappingKilobytes(ulong address, string field) =>
        MappingField(address, field) is { } value ? long.Parse(value.Trim().Split(' ')[0], CultureInfo.InvariantCulture) : -1;

    /// <summary>What follows <paramref name="field"/> in <c>/proc/self/smaps</c> for the mapping that holds <paramref name="address"/>, or null.</summary>
    private static string? MappingField(ulong address, string field)
    {
        bool inside = false;
        foreach (string line in File.ReadLines("/proc/self/smaps"))
        {
            string first = line.Split(' ')[0];
            int dash = first.IndexOf('-');
            if (dash > 0 && ulong.TryParse(first.AsSpan(0, dash), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out ulong start)
                && ulong.TryParse(first.AsSpan(dash + 1), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out ulong end))
            {
                inside = start <= address && address < end;
            }
            else if (inside && line.StartsWith(field, StringComparison.Ordinal))
            {
                return line.Substring(field.Length);
            }
        }

        return null;
    }

    [Fact]
    public void Small_inputs_are_not_advised()
    {
        var before = HugePages.State;
        Assert.Equal(before, HugePages.AdviseFor(BatchCollection.MinimumSourceBytes - 1));
        Assert.Equal(before, HugePages.State);
    }
}
