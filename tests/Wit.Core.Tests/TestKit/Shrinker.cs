using System;

namespace Wit.Core.Tests.TestKit;

/// <summary>
/// Reduces a failing input by deleting chunks while it keeps failing (a simple delta debugging), so a report shows
/// a few characters instead of a whole file.
/// </summary>
public static class Shrinker
{
    /// <summary>The smallest variant of <paramref name="input"/> found for which <paramref name="fails"/> holds.</summary>
    public static string Shrink(string input, Func<string, bool> fails, int maxAttempts = 4000)
    {
        string current = input;
        int attempts = 0;
        for (int chunk = Math.Max(1, current.Length / 2); chunk >= 1; chunk /= 2)
        {
            bool progress = true;
            while (progress && attempts < maxAttempts)
            {
                progress = false;
                for (int start = 0; start < current.Length && attempts < maxAttempts; start += chunk)
                {
                    int length = Math.Min(chunk, current.Length - start);
                    string candidate = current.Remove(start, length);
                    attempts++;
                    if (!SafeFails(fails, candidate)) continue;
                    current = candidate;
                    progress = true;
                    start -= chunk;
                }
            }
        }

        return current;
    }

    private static bool SafeFails(Func<string, bool> fails, string candidate)
    {
        try
        {
            return fails(candidate);
        }
        catch (Exception)
        {
            // An exception is a failure too: the parser must never throw.
            return true;
        }
    }
}
