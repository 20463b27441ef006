using System;
using System.Collections.Generic;

namespace Wit.Core.Tests.Wit.Fuzz;

/// <summary>
/// Mutates real WIT: character flips, deletions, duplications, splices from another file, and insertions of
/// soup pieces, one to four at a time.
/// </summary>
public static class WitMutator
{
    public static string Mutate(Random random, string text, IReadOnlyList<string> donors)
    {
        int count = random.Next(1, 5);
        for (int i = 0; i < count; i++) text = MutateOnce(random, text, donors);
        return text;
    }

    private static string MutateOnce(Random random, string text, IReadOnlyList<string> donors)
    {
        int position = random.Next(0, text.Length + 1);
        switch (random.Next(6))
        {
            case 0 when text.Length > 0:
            {
                // Flip one character to a nearby code, a soup piece's first character, or any UTF-16 unit.
                int index = Math.Min(position, text.Length - 1);
                char replacement = random.Next(3) switch
                {
                    0 => (char)(text[index] ^ (1 << random.Next(7))),
                    1 => WitTokenSoup.Piece(random) is { Length: > 0 } piece ? piece[0] : ' ',
                    _ => (char)random.Next(0, 0x10000),
                };
                return text.Substring(0, index) + replacement + text.Substring(index + 1);
            }

            case 1:
            {
                int length = Math.Min(random.Next(1, random.Next(2) == 0 ? 4 : 64), text.Length - position);
                return text.Remove(position, length);
            }

            case 2:
            {
                int length = Math.Min(random.Next(1, 80), text.Length - position);
                string copy = text.Substring(position, length);
                int target = random.Next(0, text.Length + 1);
                return text.Insert(target, copy);
            }

            case 3 when donors.Count > 0:
            {
                string donor = donors[random.Next(donors.Count)];
                int start = random.Next(0, donor.Length + 1);
                int length = Math.Min(random.Next(1, 120), donor.Length - start);
                int removed = Math.Min(random.Next(0, 40), text.Length - position);
                return text.Substring(0, position) + donor.Substring(start, length) + text.Substring(position + removed);
            }

            default:
                return text.Insert(position, WitTokenSoup.Piece(random));
        }
    }
}
