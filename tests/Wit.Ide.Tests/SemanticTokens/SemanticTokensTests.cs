using System;
using System.Collections.Generic;
using System.Linq;
using Wit.Ide.SemanticTokens;
using Wit.Ide.Tests.TestKit;
using Xunit;

namespace Wit.Ide.Tests.SemanticTokens;

public class SemanticTokensTests
{
    /// <summary>The tokens as `text:type.modifier.modifier` lines, in document order.</summary>
    private static void Check(string fixture, string expected)
    {
        var loaded = IdeFixture.Load(fixture);
        string text = loaded.TextOf(loaded.MainPath);
        var tokens = SemanticTokensProvider.Tokens(loaded.Snapshot, loaded.MainPath);
        var lines = tokens.Select(t =>
        {
            var modifiers = Enumerable.Range(0, SemanticTokensLegend.TokenModifiers.Count).Where(b => (t.Modifiers & (1 << b)) != 0).Select(b => "." + SemanticTokensLegend.TokenModifiers[b]);
            return text.Substring(t.Start, t.Length) + ":" + SemanticTokensLegend.TokenTypes[t.TokenType] + string.Concat(modifiers);
        });
        Assert.Equal(expected.Replace("\r\n", "\n").Trim(), string.Join("\n", lines));
    }

    [Fact]
    public void Names_are_classified_by_declaration_and_by_resolved_symbol()
    {
        Check("""
            package a:b;
            /// Docs.
            interface i {
              use t.{rec as r2};
              @deprecated(version = 1.0.0)
              resource res { m: func(x: borrow<res>) -> r2; }
              f: func(%type: u32);
            }
            interface t { record rec { f: u8 } }
            """, """
            package:keyword
            a:namespace.declaration
            b:namespace.declaration
            /// Docs.:comment.documentation
            interface:keyword
            i:interface.declaration
            use:keyword
            t:interface
            rec:struct
            as:keyword
            r2:struct.declaration
            @deprecated:decorator
            version:property
            =:operator
            1:number
            0:number
            0:number
            resource:keyword
            res:class.declaration.deprecated
            m:method.declaration
            func:keyword
            x:parameter.declaration
            borrow:keyword
            res:class.deprecated
            ->:operator
            r2:struct
            f:function.declaration
            func:keyword
            %type:parameter.declaration
            u32:type.defaultLibrary
            interface:keyword
            t:interface.declaration
            record:keyword
            rec:struct.declaration
            f:property.declaration
            u8:type.defaultLibrary
            """);
    }

    [Fact]
    public void A_block_comment_is_split_at_line_ends()
    {
        Check("""
            /* one
               two */
            world w {}
            """, """
            /* one:comment
               two */:comment
            world:keyword
            w:interface.declaration
            """);
    }

    [Fact]
    public void Witx_names_keywords_and_literals()
    {
        Check("""
            //- /a.witx
            ;;; Docs.
            (typename $e (enum (@witx tag u8) $a))
            (module $m (import "memory" (memory)))
            """, """
            ;;; Docs.:comment.documentation
            typename:keyword
            $e:type.declaration
            enum:keyword
            @witx:decorator
            tag:keyword
            u8:type.defaultLibrary
            $a:enumMember.declaration
            module:keyword
            $m:namespace.declaration
            import:keyword
            "memory":string
            memory:keyword
            """);
    }

    [Fact]
    public void A_range_limits_the_tokens()
    {
        var loaded = IdeFixture.Load("interface i {\n  [|f: func();|]\n  g: func();\n}");
        var tokens = SemanticTokensProvider.Tokens(loaded.Snapshot, loaded.MainPath, loaded.Spans[0].Span);
        Assert.Equal(new[] { "f", "func" }, tokens.Select(t => loaded.TextOf(loaded.MainPath).Substring(t.Start, t.Length)));
    }

    /// <summary>
    /// Issue 14, finding 2: a broken WITX file flattened into one form of 200,000 names took minutes, because each
    /// name scanned the names before it in its form. The walk now reads a parent once; the timeout is a guard against
    /// that quadratic walk (it took 37 s at half this size), not a timing assertion.
    /// </summary>
    [Fact]
    public async System.Threading.Tasks.Task A_form_with_many_names_costs_linear_time()
    {
        string text = "(module $m " + string.Concat(Enumerable.Repeat("$a ", 200_000)) + ")\n";
        var loaded = IdeFixture.Load("//- /a.witx\n" + text);
        var tokens = await System.Threading.Tasks.Task.Run(() => SemanticTokensProvider.Tokens(loaded.Snapshot, loaded.MainPath)).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(200_002, tokens.Count);
        Assert.Equal(SemanticTokensLegend.Namespace, tokens[1].TokenType);
        Assert.Equal(SemanticTokensLegend.Type, tokens[2].TokenType);
    }

    [Fact]
    public void A_cancelled_walk_stops()
    {
        string text = "(module $m " + string.Concat(Enumerable.Repeat("$a ", 10_000)) + ")\n";
        var loaded = IdeFixture.Load("//- /a.witx\n" + text);
        Assert.ThrowsAny<OperationCanceledException>(() => SemanticTokensProvider.Tokens(loaded.Snapshot, loaded.MainPath, null, new System.Threading.CancellationToken(canceled: true)));
    }
}
