using System;
using System.IO;
using Xunit.Sdk;

namespace Wit.Conformance.Tests.TestKit;

/// <summary>
/// Snapshot files checked in next to their inputs. With <c>WIT_BLESS=1</c> in the environment the actual text is
/// written over the expected file (review the diff like code); otherwise a difference fails with the command that
/// re-blesses it.
/// </summary>
public static class Baseline
{
    /// <summary>Whether this run rewrites baselines instead of comparing with them.</summary>
    public static bool Blessing => Environment.GetEnvironmentVariable("WIT_BLESS") == "1";

    /// <summary>Compares <paramref name="actual"/> with the file at <paramref name="expectedPath"/>, or writes it.</summary>
    public static void Check(string expectedPath, string actual)
    {
        if (Blessing)
        {
            File.WriteAllText(expectedPath, actual);
            return;
        }

        string display = Path.GetRelativePath(RepoPaths.Root, expectedPath).Replace('\\', '/');
        if (!File.Exists(expectedPath))
        {
            throw new XunitException($"{display} does not exist. Create it with: WIT_BLESS=1 dotnet test tests/Wit.Conformance.Tests\n--- actual ---\n{actual}");
        }

        string expected = File.ReadAllText(expectedPath).Replace("\r\n", "\n");
        if (expected == actual) return;
        throw new XunitException(
            $"{display} differs from the actual output. If the change is intended, re-bless with: WIT_BLESS=1 dotnet test tests/Wit.Conformance.Tests\n" +
            $"--- expected ---\n{expected}\n--- actual ---\n{actual}");
    }
}
