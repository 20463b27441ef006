using Xunit;

namespace Wit.Core.Tests.Formatting;

/// <summary>
/// A top-level item with a syntax error (skipped tokens, a missing token or a diagnostic) keeps its text exactly,
/// from its first token to its last; only the whitespace around it and the items next to it are formatted.
/// </summary>
public sealed class WitFormatterBrokenItemTests
{
    [Fact]
    public void AnItemWithSkippedTokensIsKeptAsWritten() => FormatChecks.AssertFormats(
        "package a:b; interface   good{f:func();}\ninterface broken {   f: func(   ;  }\n  interface   after{}\n",
        "package a:b;\n\ninterface good {\n  f: func();\n}\ninterface broken {   f: func(   ;  }\ninterface after {\n}\n");

    [Fact]
    public void AnItemWithAMissingTokenIsKeptAsWritten() => FormatChecks.AssertFormats(
        "interface  a {\n   f: func()\n}\nworld  w{}",
        "interface  a {\n   f: func()\n}\nworld w {\n}\n");

    [Fact]
    public void AnItemWithOnlyADiagnosticIsKeptAsWritten() => FormatChecks.AssertFormats(
        "interface  Bad-Name {  }\ninterface   ok {}",
        "interface  Bad-Name {  }\ninterface ok {\n}\n");

    [Fact]
    public void ASecondPackageDeclarationIsKeptAsWritten() => FormatChecks.AssertFormats(
        "package a:b;\n\ninterface i {}\npackage   c:d  ;\n",
        "package a:b;\n\ninterface i {\n}\npackage   c:d  ;\n");

    [Fact]
    public void NothingIsPutBetweenABrokenItemAndATokenThatTouchesIt()
    {
        // Whitespace after a broken item's last token can change its diagnostics (a version cut short reads as a
        // version with whitespace inside), so a broken item that ends the file, or touches the next token, stays so.
        FormatChecks.AssertFormats("interface i {}\npackage@3", "interface i {\n}\npackage@3");
        FormatChecks.AssertFormats("package a:b@1.0;interface   i {}", "package a:b@1.0;interface i {\n}\n");
    }

    [Fact]
    public void A_lone_carriage_return_before_an_item_is_kept()
    {
        // A carriage return not followed by a line feed is no line break to wit-parser but an unexpected character.
        Assert.Null(FormatChecks.Problem("\n\r\r\nworld"));
        Assert.Null(FormatChecks.Problem("interface i {}\r\rworld w {}\n"));
        Assert.Null(FormatChecks.Problem("interface i {}\n\rinterface j {}\n"));
    }

    [Fact]
    public void CommentsAroundABrokenItemAreLaidOutLikeAnyOther() => FormatChecks.AssertFormats(
        "interface i {}\n\n\n    // Before.\n  world  {  } // After.\ninterface j {}",
        "interface i {\n}\n\n// Before.\nworld  {  } // After.\ninterface j {\n}\n");

    [Fact]
    public void TopLevelGarbageIsKeptAsWritten() => FormatChecks.AssertFormats(
        "interface i {}\n  ) ( garbage ;\ninterface j {}",
        "interface i {\n}\n) ( garbage ;\ninterface j {\n}\n");

    [Fact]
    public void AnUnterminatedCommentIsNotExtended()
    {
        FormatChecks.AssertFormats("interface i { f: func(); } /* open", "interface i { f: func(); } /* open");
        FormatChecks.AssertFormats("interface i {  }\n/* open\n", "interface i {\n}\n/* open\n");
        FormatChecks.AssertFormats("interface i { f: func(); } /* open /* nested */", "interface i { f: func(); } /* open /* nested */");
    }
}
