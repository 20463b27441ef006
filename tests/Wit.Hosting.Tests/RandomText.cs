using System;
using System.Linq;
using System.Text;

namespace Wit.Hosting.Tests;

/// <summary>Random WIT <c>char</c>s and strings for the property tests: any Unicode scalar value, ASCII more often.</summary>
internal static class RandomText
{
    public static Rune Rune(Random random)
    {
        while (true)
        {
            int value = random.Next(4) == 0 ? random.Next(0x80) : random.Next(0x110000);
            if (System.Text.Rune.IsValid(value)) return new Rune(value);
        }
    }

    /// <summary>Mostly short strings, one in twenty up to 2,000 scalar values long.</summary>
    public static string String(Random random) =>
        string.Concat(Enumerable.Range(0, random.Next(20) == 0 ? random.Next(2000) : random.Next(10)).Select(_ => Rune(random).ToString()));
}
