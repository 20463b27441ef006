using System;
using System.Collections.Generic;
using System.Linq;
using Wit.Core.Text;
using Wit.Ide.SemanticTokens;
using Wit.LanguageServer.Translation;
using Wit.Protocol.Lsp;
using Xunit;

namespace Wit.LanguageServer.Tests.Translation;

/// <summary>LSP's relative encoding of the IDE's absolute semantic tokens, and the delta between two encodings.</summary>
public class SemanticTokensEncoderTests
{
    [Fact]
    public void Encoding_is_relative_to_the_previous_token()
    {
        // Lines: "ab cd" / "  ef"; tokens ab (0..2), cd (3..5), ef (8..10).
        string text = "ab cd\n  ef";
        var tokens = new[] { new SemanticToken(0, 2, 1, 0), new SemanticToken(3, 2, 4, 1), new SemanticToken(8, 2, 12, 3) };
        var data = SemanticTokensEncoder.Encode(tokens, SourceText.From(text));
        Assert.Equal(new[] { 0, 0, 2, 1, 0, 0, 3, 2, 4, 1, 1, 2, 2, 12, 3 }, data);
    }

    [Fact]
    public void Applying_the_delta_to_the_previous_array_gives_the_current_one()
    {
        var random = new Random(1234);
        for (int run = 0; run < 500; run++)
        {
            var previous = RandomTokens(random);
            var current = random.Next(3) switch
            {
                0 => RandomTokens(random),
                1 => previous.ToArray(),
                _ => Mutate(previous, random),
            };
            var edits = SemanticTokensEncoder.Delta(previous, current);
            Assert.Equal(current, Apply(previous, edits));
            if (previous.SequenceEqual(current)) Assert.Empty(edits);
            else Assert.Single(edits);
        }
    }

    private static int[] RandomTokens(Random random) => Enumerable.Range(0, random.Next(0, 8) * 5).Select(_ => random.Next(3)).ToArray();

    private static int[] Mutate(int[] data, Random random)
    {
        var list = data.ToList();
        int at = random.Next(list.Count / 5 + 1) * 5;
        if (random.Next(2) == 0 && at < list.Count) list.RemoveRange(at, 5);
        else list.InsertRange(at, Enumerable.Range(0, 5).Select(_ => random.Next(3)));
        return list.ToArray();
    }

    private static int[] Apply(int[] data, IReadOnlyList<SemanticTokensEdit> edits)
    {
        var list = data.ToList();
        foreach (var edit in edits.OrderByDescending(e => e.Start))
        {
            Assert.Equal(0, edit.Start % 5);
            list.RemoveRange(edit.Start, edit.DeleteCount);
            list.InsertRange(edit.Start, edit.Data!);
        }

        return list.ToArray();
    }
}
