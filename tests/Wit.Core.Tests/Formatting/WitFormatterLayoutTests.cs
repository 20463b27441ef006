using Wit.Core.Formatting;
using Wit.Core.Syntax;
using Wit.Core.Text;
using Xunit;

namespace Wit.Core.Tests.Formatting;

/// <summary>
/// The layout rules, one input and its expected output per case; every case also checks that only whitespace changed
/// and that formatting again changes nothing. Inputs and outputs are written without their final line break.
/// </summary>
public sealed class WitFormatterLayoutTests
{
    /// <summary>
    /// Issue 14, finding 5: a byte-order mark followed by a block comment was written twice (once as the document's
    /// mark, once with the unterminated comment's leading whitespace). The formatter changes whitespace only, and a BOM is not.
    /// </summary>
    [Theory]
    [InlineData("\uFEFF/* c", "\uFEFF/* c")]
    [InlineData("\uFEFF/*/", "\uFEFF/*/")]
    [InlineData("\uFEFF /* c */ /* d", "\uFEFF /* c */ /* d")]
    [InlineData("\uFEFF/* c */package a:b;\n", "\uFEFF/* c */ package a:b;\n")]
    public void AByteOrderMarkBeforeACommentIsKeptOnce(string input, string expected)
    {
        FormatChecks.AssertFormats(input, expected);
        Assert.Equal(1, WitFormatter.Format(input).Split('\uFEFF').Length - 1);
    }

    [Fact]
    public void PackageDeclarationIsFollowedByOneBlankLine() => Check(
        "package   a:b@1.0.0-rc.1 ; interface i {}",
        """
        package a:b@1.0.0-rc.1;

        interface i {
        }
        """);

    /// <summary>
    /// WASI writes its items (their docs) on the line after the <c>package</c> declaration: the author's choice there,
    /// none or one blank line, is kept.
    /// </summary>
    [Theory]
    [InlineData("package a:b;\n/// I.\ninterface i {}", "package a:b;\n/// I.\ninterface i {\n}\n")]
    [InlineData("package a:b;\n\n\n/// I.\ninterface i {}", "package a:b;\n\n/// I.\ninterface i {\n}\n")]
    [InlineData("package a:b;\ninterface i {}\ninterface j {}", "package a:b;\ninterface i {\n}\ninterface j {\n}\n")]
    [InlineData("package a:b; interface i {}\n\n\ninterface j {}", "package a:b;\n\ninterface i {\n}\n\ninterface j {\n}\n")]
    public void TheAuthorDecidesOnTheBlankLineAfterThePackageDeclaration(string input, string expected) => FormatChecks.AssertFormats(input, expected);

    /// <summary>
    /// Between two members on lines of their own the author decides: a blank line where the printer has none
    /// (resource methods, variant cases, record fields, uses) is kept, at most one, and so is none where the printer
    /// has one (a generated file without blank lines, a world's <c>include</c> next to its <c>import</c>).
    /// </summary>
    [Fact]
    public void ABlankLineTheAuthorLeftBetweenMembersIsKept() => Check(
        "interface i {\n  variant v {\n    a,\n\n\n    /// B.\n    b,\n    c,\n  }\n  resource r {\n    f: func();\n\n    g: func();\n  }\n  h: func();\n}",
        """
        interface i {
          variant v {
            a,

            /// B.
            b,
            c,
          }
          resource r {
            f: func();

            g: func();
          }
          h: func();
        }
        """);

    /// <summary>WASI breaks long signatures after the <c>(</c>, one parameter a line: that layout is kept.</summary>
    [Fact]
    public void AParameterListTheAuthorBrokeAfterItsParenthesisKeepsOneParameterALine() => Check(
        "interface i {\n  f: func(\n    when: instant,\n  ) -> pollable;\n  g: func(a: u32,\n    b: u32);\n  h: func(\n  );\n}",
        """
        interface i {
          f: func(
            when: instant,
          ) -> pollable;
          g: func(a: u32, b: u32);
          h: func();
        }
        """);

    [Theory]
    [InlineData("package a:b;\n\ninterface i {\n    f: func();\n    g: func();\n}\n", "    ")]
    [InlineData("package a:b;\n\ninterface i {\n\tf: func();\n\n\trecord r {\n\t\ta: u32,\n\t}\n}\n", "\t")]
    [InlineData("package a:b;\n\ninterface i {\n  f: func();\n}\n", "  ")]
    // Block comment lines and continuation lines do not count; a body member line indented by 3 does.
    [InlineData("/*\n * c\n */\ninterface i {\n   f: func(a: u32,\n b: u32);\n}\n", "   ")]
    // Members that disagree (no unit shared by more than half of them) give none.
    [InlineData("interface i {\n  f: func();\n    g: func();\n}\n", null)]
    // Mixed tabs and spaces are no unit.
    [InlineData("interface i {\n \tf: func();\n}\n", null)]
    [InlineData("interface i { f: func(); }", null)]
    public void TheIndentationUnitIsTheOneMostMemberLinesShare(string input, string? unit) =>
        Assert.Equal(unit, WitFormatter.DetectIndent(SyntaxTree.ParseWit(input)));

    [Fact]
    public void TheFilesIndentationUnitIsKeptAndAGivenOneWins()
    {
        const string fourSpaces = "package a:b;\n\ninterface i {\n    f: func(\n        a: u32,\n    );\n\n    record r {\n      a: u32,\n    }\n}\n";
        FormatChecks.AssertFormats(fourSpaces, "package a:b;\n\ninterface i {\n    f: func(\n        a: u32,\n    );\n\n    record r {\n        a: u32,\n    }\n}\n");
        FormatChecks.AssertFormats("interface i {\n\tf: func();\n\t\tg: func();\n\th: func();\n}", "interface i {\n\tf: func();\n\tg: func();\n\th: func();\n}\n");
        Assert.Equal("package a:b;\n\ninterface i {\n  f: func(\n    a: u32,\n  );\n\n  record r {\n    a: u32,\n  }\n}\n", WitFormatter.Format(fourSpaces, FormatOptions.Spaces(2)));
        Assert.Equal("interface i {\n\tf: func();\n}\n", WitFormatter.Format("interface i {\n    f: func();\n}\n", FormatOptions.Tabs));
    }

    [Fact]
    public void TopLevelItemsAreSeparatedByOneBlankLineButUsesAreGrouped() => Check(
        "package a:b;\n\n\n\nuse a:c/d@1.0.0 as  e; use a:c/f; interface i {}  world w {}\n\n\n\ninterface j {}",
        """
        package a:b;

        use a:c/d@1.0.0 as e;
        use a:c/f;

        interface i {
        }

        world w {
        }

        interface j {
        }
        """);

    [Fact]
    public void InterfaceMembersAreSeparatedByBlankLinesExceptRunsOfUses() => Check(
        "interface i {\n\n  use x.{ a , b as c };\n  use y.{d};\n\n  type t=list < u8 > ; f : func ( a : u32 , b : tuple<u8,u16> ) -> result<_,e>; g: func();\n\n}",
        """
        interface i {
          use x.{a, b as c};
          use y.{d};

          type t = list<u8>;

          f: func(a: u32, b: tuple<u8, u16>) -> result<_, e>;

          g: func();
        }
        """);

    [Fact]
    public void WorldItemsFollowUpstreamBlankLines() => Check(
        "world w { import a: func(); import b; export c: interface { f: func(); } export d; use x.{y}; use z.{w}; type t = u32; include e with { a as b, c as d } include f; }",
        """
        world w {
          import a: func();
          import b;

          export c: interface {
            f: func();
          }
          export d;

          use x.{y};
          use z.{w};

          type t = u32;

          include e with { a as b, c as d }
          include f;
        }
        """);

    [Fact]
    public void TypeDefinitionsPutOneCasePerLine() => Check(
        "interface i { record r { a : u32 , b:string, } enum e { a, b } variant v { a(u32), b, c(list<u8>) } flags f { x, } record empty {} }",
        """
        interface i {
          record r {
            a: u32,
            b: string,
          }

          enum e {
            a,
            b
          }

          variant v {
            a(u32),
            b,
            c(list<u8>)
          }

          flags f {
            x,
          }

          record empty {
          }
        }
        """);

    [Fact]
    public void ResourcesListMembersWithoutBlankLinesButTheAuthors() => Check(
        "interface i { resource r { constructor(a: u32); m: func(); s: static func() -> u32;\n\n\n  t: async func(x: borrow<r>) -> own<r>; } resource q; }",
        """
        interface i {
          resource r {
            constructor(a: u32);
            m: func();
            s: static func() -> u32;

            t: async func(x: borrow<r>) -> own<r>;
          }

          resource q;
        }
        """);

    /// <summary>
    /// wasi-crypto writes empty resources <c>resource r {}</c>: an empty resource body on one line stays so (the
    /// printer's <c>resource r;</c> is no whitespace change); one written over two lines, or holding a comment, keeps
    /// its lines. Empty interfaces and worlds are the printer's <c>{</c> and <c>}</c> on two lines.
    /// </summary>
    [Fact]
    public void AnEmptyResourceBodyOnOneLineStaysOnOneLine() => Check(
        "interface i {\n  resource a {}\n  resource b {  }\n  resource c {\n  }\n  resource d { /* none */ }\n  resource e;\n  record r {}\n}\nworld w {}",
        """
        interface i {
          resource a {}
          resource b {}
          resource c {
          }
          resource d { /* none */
          }
          resource e;
          record r {
          }
        }
        world w {
        }
        """);

    [Fact]
    public void TypesAreSpacedLikeUpstream() => Check(
        "interface i { type a = tuple<u8 , s8,>; type b = result; type c = result<u8>; type d = list<u8,4>; type e = map<string,u32>; type f = option<future<stream>>; type g = stream<error-context>; }",
        """
        interface i {
          type a = tuple<u8, s8,>;

          type b = result;

          type c = result<u8>;

          type d = list<u8, 4>;

          type e = map<string, u32>;

          type f = option<future<stream>>;

          type g = stream<error-context>;
        }
        """);

    [Fact]
    public void AttributesGoOnTheirOwnLines() => Check(
        "@since(version=0.2.0) interface i { @unstable( feature = x ) @deprecated(version = 0.2.1) f: func(); }\n@external-id(\"x\") world w { @since(version = 1.0.0) import a; }",
        """
        @since(version = 0.2.0)
        interface i {
          @unstable(feature = x)
          @deprecated(version = 0.2.1)
          f: func();
        }
        @external-id("x")
        world w {
          @since(version = 1.0.0)
          import a;
        }
        """);

    [Fact]
    public void EscapedIdentifiersAreKept() => Check(
        "interface %interface { type %type = u32; record %record { %variant: %type } }",
        """
        interface %interface {
          type %type = u32;

          record %record {
            %variant: %type
          }
        }
        """);

    [Fact]
    public void NestedPackagesIndentTheirItems() => Check(
        "package a:b; package x:y@1.0.0 { interface z {} world q { import z; } }",
        """
        package a:b;

        package x:y@1.0.0 {
          interface z {
          }

          world q {
            import z;
          }
        }
        """);

    [Fact]
    public void DocCommentsAreReindentedWithTheirItem() => Check(
        "/// The package.\npackage a:b;\n\n     /// An interface.\n        interface i {\n/// A function.\n      f: func();\n        /// A record.\n  record r {\n      /// A field.\n a: u32,\n  }\n}",
        """
        /// The package.
        package a:b;

        /// An interface.
        interface i {
          /// A function.
          f: func();
          /// A record.
          record r {
            /// A field.
            a: u32,
          }
        }
        """);

    [Fact]
    public void TrailingCommentsStayAtTheEndOfTheirLine() => Check(
        "interface i { // about i\n  f: func();    // about f\n  record r { a: u32, // about a\n  } // after r\n} // after i",
        """
        interface i { // about i
          f: func(); // about f
          record r {
            a: u32, // about a
          } // after r
        } // after i
        """);

    [Fact]
    public void CommentLinesKeepTheirPlaceAndABlankLineBeforeAnItem() => Check(
        "// Header.\n\n\npackage a:b;\n\n\ninterface i {\n  f: func();\n  // Section two.\n\n\n  g: func();\n  // Before the end.\n\n}\n\n\n// At the end.\n\n\n/* Last. */",
        """
        // Header.

        package a:b;

        interface i {
          f: func();
          // Section two.

          g: func();
          // Before the end.
        }

        // At the end.

        /* Last. */
        """);

    [Fact]
    public void BlockCommentsInsideALineStayInline() => Check(
        "interface i { g: func(a: /* inline */ u32); /* after */\n /* before */ h: func(); type t = tuple<u8, /* c */\n u16>; }",
        """
        interface i {
          g: func(a: /* inline */ u32); /* after */
          /* before */ h: func();

          type t = tuple<u8, /* c */ u16>;
        }
        """);

    [Fact]
    public void ALineCommentInsideAParameterListPutsEachParameterOnItsOwnLine() => Check(
        "interface i { f: func(a: u32, // first\n  b: string) -> u32; g: func(\n // none\n); h: func(x: u8,\n// own line\ny: u8); }",
        """
        interface i {
          f: func(
            a: u32, // first
            b: string
          ) -> u32;

          g: func(
            // none
          );

          h: func(
            x: u8,
            // own line
            y: u8
          );
        }
        """);

    [Fact]
    public void ALineCommentInsideATypeContinuesOnTheNextLine() => Check(
        "interface i { type t = list< // why\nu8>; }",
        """
        interface i {
          type t = list< // why
            u8>;
        }
        """);

    [Fact]
    public void EmptyAndCommentOnlyFiles()
    {
        FormatChecks.AssertFormats(string.Empty, string.Empty);
        FormatChecks.AssertFormats("\n\n   \n", string.Empty);
        FormatChecks.AssertFormats("\n\n  // only\n\n\n/* c */", "// only\n\n/* c */\n");
    }

    [Fact]
    public void TheDominantLineEndingIsKept()
    {
        FormatChecks.AssertFormats("package a:b;\r\n\r\ninterface i {\r\n  f: func();\n}\r\n", "package a:b;\r\n\r\ninterface i {\r\n  f: func();\r\n}\r\n");
        FormatChecks.AssertFormats("package a:b;\n\ninterface i {\r\n  f: func();\n}\n", "package a:b;\n\ninterface i {\n  f: func();\n}\n");
    }

    [Fact]
    public void AByteOrderMarkIsKept() =>
        FormatChecks.AssertFormats("\uFEFFpackage a:b; interface i {}", "\uFEFFpackage a:b;\n\ninterface i {\n}\n");

    [Fact]
    public void TheResultEndsWithOneLineBreak()
    {
        FormatChecks.AssertFormats("interface i {}", "interface i {\n}\n");
        FormatChecks.AssertFormats("interface i {}\n\n\n\n", "interface i {\n}\n");
        FormatChecks.AssertFormats("interface i {}\n// c", "interface i {\n}\n// c\n");
    }

    [Fact]
    public void AWitxTreeIsReturnedUnchanged()
    {
        const string text = "(typename $fd   (handle))";

        Assert.Equal(text, WitFormatter.Format(SyntaxTree.ParseWitx(text)));
        Assert.Empty(WitFormatter.FormatRange(SyntaxTree.ParseWitx(text), new TextSpan(0, text.Length)));
    }

    private static void Check(string input, string expected) => FormatChecks.AssertFormats(input + "\n", expected + "\n");
}
