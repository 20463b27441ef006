using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace Wit.Core.Tests.Semantics;

/// <summary>
/// Edits the way a person half-way through a change leaves a WIT file: lines deleted or duplicated, identifiers
/// renamed (to another name of the file, or to a fresh one), one to three edits at a time.
/// </summary>
public static partial class LineMutator
{
    public static string Mutate(Random random, string text)
    {
        int count = random.Next(1, 4);
        for (int i = 0; i < count; i++) text = MutateOnce(random, text);
        return text;
    }

    private static string MutateOnce(Random random, string text)
    {
        var lines = new List<string>(text.Split('\n'));
        int line = random.Next(lines.Count);
        switch (random.Next(4))
        {
            case 0:
                lines.RemoveAt(line);
                break;
            case 1:
                lines.Insert(random.Next(lines.Count + 1), lines[line]);
                break;
            default:
                return Rename(random, text);
        }

        return string.Join("\n", lines);
    }

    /// <summary>Renames one occurrence of an identifier, or every occurrence of it.</summary>
    private static string Rename(Random random, string text)
    {
        var matches = Identifier().Matches(text);
        if (matches.Count == 0) return text;
        var match = matches[random.Next(matches.Count)];
        string replacement = random.Next(3) switch
        {
            0 => matches[random.Next(matches.Count)].Value,
            1 => match.Value + "-renamed",
            _ => "fresh" + random.Next(100).ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        if (random.Next(2) == 0) return text.Remove(match.Index, match.Length).Insert(match.Index, replacement);
        return Regex.Replace(text, $@"(?<![\w%-]){Regex.Escape(match.Value)}(?![\w-])", replacement.Replace("$", "$$", StringComparison.Ordinal));
    }

    [GeneratedRegex(@"(?<![\w%-])%?[a-z][a-z0-9]*(?:-[a-z0-9]+)*(?![\w-])")]
    private static partial Regex Identifier();
}
