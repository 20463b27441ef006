using System;
using System.Diagnostics;
using System.IO;
using Wit.TestKit;
using Xunit;

namespace Wit.Repo.Tests;

/// <summary>
/// <c>server/Native/prefault.c</c>, which the native builds link (Directory.Build.targets): before <c>main</c> it
/// populates the zero-filled tail of the executable's writable segment and advises its 2 MB-aligned part onto huge
/// pages. Checked on a small C program linked with it, whose 6 MB zero-filled array plays the runtime's rehydration
/// section: the program asks the kernel, without touching the array, how much of it is resident (<c>mincore</c>) and
/// whether its mapping is advised (<c>hg</c> in <c>/proc/self/smaps</c>). The same program without the file is the
/// control: nothing resident, nothing advised. Linux only, with the C compiler NativeAOT links with.
/// </summary>
public sealed class NativePrefaultTests
{
    private const string Program = """
        #define _GNU_SOURCE
        #include <stdint.h>
        #include <stdio.h>
        #include <string.h>
        #include <sys/mman.h>
        #include <unistd.h>

        static char zeroes[6 << 20];

        int main(void)
        {
            uintptr_t page = (uintptr_t)sysconf(_SC_PAGESIZE);
            uintptr_t start = ((uintptr_t)zeroes + page - 1) & ~(page - 1);
            size_t pages = (((uintptr_t)zeroes + sizeof zeroes) & ~(page - 1)) - start;
            pages /= page;
            static unsigned char resident[(6 << 20) / 4096];
            if (mincore((void *)start, pages * page, resident) != 0) { perror("mincore"); return 2; }
            size_t count = 0;
            for (size_t i = 0; i < pages; i++) count += resident[i] & 1;

            /* The flags of the mapping that holds the middle of the array. */
            uintptr_t middle = (uintptr_t)zeroes + sizeof zeroes / 2;
            FILE *smaps = fopen("/proc/self/smaps", "r");
            char line[512];
            int inside = 0, advised = 0;
            while (smaps && fgets(line, sizeof line, smaps))
            {
                unsigned long low, high;
                if (sscanf(line, "%lx-%lx ", &low, &high) == 2) inside = low <= middle && middle < high;
                else if (inside && strncmp(line, "VmFlags:", 8) == 0) advised = strstr(line, " hg") != NULL;
            }

            printf("%zu of %zu resident, %s\n", count, pages, advised ? "advised" : "not advised");
            return 0;
        }
        """;

    [Fact]
    public void The_zero_filled_section_is_resident_and_advised_before_main()
    {
        if (!OperatingSystem.IsLinux()) return;
        string directory = Path.Combine(Path.GetTempPath(), "wit-prefault-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            string source = Path.Combine(directory, "program.c");
            File.WriteAllText(source, Program);
            string prefault = RepoPaths.Combine("server", "Native", "prefault.c");

            string with = RunProgram(directory, "with", $"\"{source}\" \"{prefault}\"", setting: null);
            string turnedOff = RunProgram(directory, "with", null, setting: "0");
            string without = RunProgram(directory, "without", $"\"{source}\"", setting: null);

            // Populating needs Linux 5.14 (MADV_POPULATE_WRITE); huge pages need a kernel built with them.
            string resident = Environment.OSVersion.Version >= new Version(5, 14) ? @"(\d+) of \1 resident" : @"0 of \d+ resident";
            bool huge = File.Exists("/sys/kernel/mm/transparent_hugepage/enabled");
            Assert.Matches($"^{resident}, {(huge ? "advised" : "not advised")}$", with);
            Assert.Matches($"^{resident}, not advised$", turnedOff);
            Assert.Matches(@"^0 of [1-9]\d* resident, not advised$", without);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>Compiles <paramref name="sources"/> into <paramref name="name"/> (unless null: run the one built) and runs it.</summary>
    private static string RunProgram(string directory, string name, string? sources, string? setting)
    {
        string binary = Path.Combine(directory, name);
        if (sources is not null)
        {
            var compile = Run("cc", $"-O2 -Wall -Werror -o \"{binary}\" {sources}", directory, null);
            Assert.True(compile.ExitCode == 0, "cc failed: " + compile.Output);
        }

        var run = Run(binary, string.Empty, directory, setting);
        Assert.True(run.ExitCode == 0, run.Output);
        return run.Output.Trim();
    }

    private static (int ExitCode, string Output) Run(string file, string arguments, string directory, string? setting)
    {
        var info = new ProcessStartInfo(file, arguments) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.Environment.Remove("WIT_HUGE_PAGES");
        if (setting is not null) info.Environment["WIT_HUGE_PAGES"] = setting;
        using var process = Process.Start(info)!;
        var error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output + error.Result);
    }
}
