using System.Collections.Generic;
using System.Linq;
using Wit.Core.Diagnostics;
using Wit.Core.Lint;
using Wit.Core.Semantics;
using Wit.Core.Tests.Semantics;
using Xunit;

namespace Wit.Core.Tests.Lint;

/// <summary>Each WIT2xxx rule fires and stays quiet; suppression comments and severity overrides.</summary>
public sealed class WitLinterTests
{
    private static IReadOnlyList<Diagnostic> Lint(string fixture, LintOptions? options = null, ResolveOptions? resolveOptions = null)
    {
        var resolved = WitFixture.Resolve(fixture, resolveOptions);
        resolved.AssertClean();
        return WitLinter.Lint(resolved.Workspace, resolved.Model, options ?? LintOptions.Default);
    }

    private static List<string> Codes(IReadOnlyList<Diagnostic> diagnostics, string code) =>
        diagnostics.Where(d => d.Code == code).Select(d => d.Message).ToList();

    [Fact]
    public void MissingDocsFiresOnUndocumentedItemsInTheStrictProfileOnly()
    {
        const string fixture = """
            package a:b;

            interface i {
              record r { x: u32 }
              f: func();
            }

            world w {
              export i;
            }
            """;
        var diagnostics = Lint(fixture, LintOptions.Strict);
        Assert.Empty(Codes(Lint(fixture), "WIT2001"));

        Assert.Equal(
            new[]
            {
                "interface 'i' has no documentation comment ('///')",
                "type 'r' has no documentation comment ('///')",
                "function 'f' has no documentation comment ('///')",
                "world 'w' has no documentation comment ('///')",
            },
            Codes(diagnostics, "WIT2001"));
        Assert.All(diagnostics.Where(d => d.Code == "WIT2001"), d => Assert.Equal(DiagnosticSeverity.Warning, d.Severity));
    }

    [Fact]
    public void MissingDocsIsQuietWhenDocumented()
    {
        var diagnostics = Lint("""
            package a:b;

            /// I.
            interface i {
              /// R.
              record r { x: u32 }
              /// F.
              f: func();
            }

            /// W.
            world w {
              export i;
            }
            """);

        Assert.Empty(diagnostics);
    }

    [Fact]
    public void DependenciesAreNotLinted()
    {
        var diagnostics = Lint("""
            //- /main.wit
            package a:b;

            /// I.
            interface i {
              use c:d/t.{x};
              /// F.
              f: func(v: x);
            }
            //- /deps/c/t.wit
            package c:d;

            interface t {
              type x = u32;
              g: func(s: string);
            }
            """);

        Assert.Empty(diagnostics);
    }

    [Fact]
    public void DeprecatedWithoutReplacementFires()
    {
        var diagnostics = Lint("""
            package a:b@1.1.0;

            /// I.
            @since(version = 1.0.0)
            interface i {
              /// Old.
              @since(version = 1.0.0)
              @deprecated(version = 1.1.0)
              f: func();

              /// Old; use g instead.
              @since(version = 1.0.0)
              @deprecated(version = 1.1.0)
              h: func();

              /// G.
              @since(version = 1.1.0)
              g: func();
            }
            """);

        Assert.Equal(new[] { "function 'f' is deprecated since 1.1.0 but its documentation does not say what to use instead" }, Codes(diagnostics, "WIT2002"));
        Assert.Equal(DiagnosticSeverity.Information, diagnostics.Single(d => d.Code == "WIT2002").Severity);
    }

    [Fact]
    public void DeprecatedWithAReplacementInWasisWordsIsQuiet()
    {
        // WASI 0.2.12's http `field-key`: "deprecated in favor of the `field-name` type" names the replacement.
        var diagnostics = Lint("""
            package a:b@1.1.0;

            /// I.
            @since(version = 1.0.0)
            interface i {
              /// Field keys are always strings.
              ///
              /// # Deprecation
              ///
              /// This type has been deprecated in favor of the `field-name` type.
              @since(version = 1.0.0)
              @deprecated(version = 1.1.0)
              type field-key = string;

              /// Used by the host because it is old.
              @since(version = 1.0.0)
              @deprecated(version = 1.1.0)
              f: func();
            }
            """, LintOptions.Strict);

        // "Used" and "because" hold "use" but name nothing: the second item is reported, the first is not.
        Assert.Equal(new[] { "function 'f' is deprecated since 1.1.0 but its documentation does not say what to use instead" }, Codes(diagnostics, "WIT2002"));
    }

    [Theory]
    [InlineData("Deprecated in favor of `g`.", true)]
    [InlineData("Deprecated in favour of the newer API.", true)]
    [InlineData("Call g instead.", true)]
    [InlineData("Replaced by `g` in 0.3.", true)]
    [InlineData("It has been superseded by the streams interface.", true)]
    [InlineData("Renamed to `g`.", true)]
    [InlineData("Use `g`.", true)]
    [InlineData("Prefer `g`: it does not allocate.", true)]
    [InlineData("See `g`.", true)]
    [InlineData("Used by the host.", false)]
    [InlineData("The caller can use or return data into it.", false)]
    [InlineData("A reused buffer, because copying is slow.", false)]
    [InlineData("Replaced.", false)]
    [InlineData("", false)]
    public void AReplacementNoteIsAPhraseThatNamesWhatToUse(string docs, bool names) =>
        Assert.Equal(names, WitLinter.NamesReplacement(docs));

    [Fact]
    public void AllocatesPerCallFiresForStringAndListParameters()
    {
        var diagnostics = Lint("""
            package a:b;

            /// I.
            interface i {
              /// F.
              f: func(a: string, b: list<u32>, c: u32);
              /// G.
              g: func(c: u32) -> string;
            }
            """);

        var messages = Codes(diagnostics, "WIT2003");
        Assert.Equal(
            new[] { "every call to 'f' makes the callee allocate with cabi_realloc: 2 allocations at least, one per string or list in 'a', 'b', plus a copy of every byte passed" },
            messages);
        Assert.Equal(DiagnosticSeverity.Information, diagnostics.Single(d => d.Code == "WIT2003").Severity);
    }

    [Fact]
    public void SpilledParametersFireAboveSixteenFlatValues()
    {
        var diagnostics = Lint("""
            package a:b;

            /// I.
            interface i {
              /// Many.
              many: func(a: u32, b: u32, c: u32, d: u32, e: u32, f: u32, g: u32, h: u32, i: u32, j: u32, k: u32, l: u32, m: u32, n: u32, o: u32, p: u32, q: u32);
              /// Sixteen.
              sixteen: func(a: u32, b: u32, c: u32, d: u32, e: u32, f: u32, g: u32, h: u32, i: u32, j: u32, k: u32, l: u32, m: u32, n: u32, o: u32, p: u32);
            }
            """);

        Assert.Equal(
            new[] { "'many' has 17 flat parameters, more than the 16 the Canonical ABI passes in registers: 68 bytes are written to memory on every call and the callee allocates the parameter area" },
            Codes(diagnostics, "WIT2004"));
    }

    [Fact]
    public void LargeCopyFiresAboveTwoHundredFiftySixBytes()
    {
        var diagnostics = Lint("""
            package a:b;

            /// I.
            interface i {
              /// Big.
              type big = tuple<u64, u64, u64, u64, u64, u64, u64, u64, u64, u64, u64, u64, u64, u64, u64, u64, u64, u64, u64, u64, u64, u64, u64, u64, u64, u64, u64, u64, u64, u64, u64, u64, u64>;
              /// Small.
              type small = tuple<u64, u64, u64, u64>;
              /// F.
              f: func() -> big;
              /// G.
              g: func() -> small;
            }
            """);

        Assert.Equal(
            new[] { "'f' copies 264 bytes of fixed-size data through memory per call (0 of parameters, 264 of results), more than 256" },
            Codes(diagnostics, "WIT2005"));
    }

    [Fact]
    public void ByteListHintFiresForParametersAndResults()
    {
        var diagnostics = Lint("""
            package a:b;

            /// I.
            interface i {
              /// Bytes.
              type bytes = list<u8>;
              /// F.
              f: func(data: bytes) -> list<u8>;
              /// G.
              g: func(data: list<u32>);
            }
            """);

        var hints = diagnostics.Where(d => d.Code == "WIT2006").ToList();
        Assert.Equal(2, hints.Count);
        Assert.All(hints, d => Assert.Equal(DiagnosticSeverity.Hint, d.Severity));
        Assert.StartsWith("parameter 'data' of 'f' is a list<u8>", hints[0].Message);
        Assert.StartsWith("the result of 'f' is a list<u8>", hints[1].Message);
    }

    [Fact]
    public void TheDefaultProfileLeavesStylePreferencesOffAndAbiCostsAsInformation()
    {
        var severities = LintDiagnostics.All.ToDictionary(d => d.Code, d => LintDiagnostics.SeverityIn(d, LintProfile.Default));
        Assert.Null(severities["WIT2001"]);
        Assert.Null(severities["WIT2007"]);
        Assert.Equal(DiagnosticSeverity.Information, severities["WIT2004"]);
        Assert.Equal(DiagnosticSeverity.Information, severities["WIT2005"]);
        Assert.Equal(DiagnosticSeverity.Hint, severities["WIT2009"]);
        Assert.Equal(DiagnosticSeverity.Warning, severities["WIT2008"]);
        Assert.All(LintDiagnostics.All, d => Assert.Equal(d.DefaultSeverity, LintDiagnostics.SeverityIn(d, LintProfile.Strict)));

        const string fixture = """
            package a:b;

            interface i {
              f: func(a: u32, b: u32, c: u32, d: u32, e: u32, f: u32, g: u32, h: u32, i: u32, j: u32, k: u32, l: u32, m: u32, n: u32, o: u32, p: u32, q: u32);
            }
            """;
        var quiet = Lint(fixture);
        var strict = Lint(fixture, LintOptions.Strict);

        Assert.Equal(new[] { "WIT2004" }, quiet.Select(d => d.Code));
        Assert.Equal(DiagnosticSeverity.Information, quiet[0].Severity);
        Assert.Equal(new[] { "WIT2001", "WIT2001", "WIT2004" }, strict.Select(d => d.Code));
        Assert.Equal(DiagnosticSeverity.Warning, strict[2].Severity);
    }

    [Fact]
    public void AllowCommentSuppressesARule()
    {
        var diagnostics = Lint("""
            package a:b;

            // wit-lint: allow(WIT2001)
            interface i {
              /// F.
              // wit-lint: allow(WIT2003, WIT2006)
              f: func(data: list<u8>);
              h: func();
              g: func(); // wit-lint: allow(WIT2001)
            }
            """, LintOptions.Strict);

        Assert.Equal(new[] { "WIT2001" }, diagnostics.Select(d => d.Code));
        Assert.Equal("function 'h' has no documentation comment ('///')", diagnostics[0].Message);
    }

    [Fact]
    public void OptionsChangeSeverityOrTurnRulesOff()
    {
        const string fixture = """
            package a:b;

            interface i {
              /// F.
              f: func(s: string);
            }
            """;
        var options = new LintOptions(new Dictionary<string, DiagnosticSeverity?>
        {
            ["WIT2001"] = DiagnosticSeverity.Error,
            ["WIT2003"] = null,
        });

        var diagnostics = Lint(fixture, options);

        var only = Assert.Single(diagnostics);
        Assert.Equal("WIT2001", only.Code);
        Assert.Equal(DiagnosticSeverity.Error, only.Severity);
    }

    [Fact]
    public void CatalogueFindsCodes()
    {
        Assert.Same(LintDiagnostics.Wit2001, LintDiagnostics.Find("WIT2001"));
        Assert.Null(LintDiagnostics.Find("WIT9999"));
    }

    [Fact]
    public void MissingSinceFiresOnlyWhenThePackageUsesSince()
    {
        // The strict profile: the default one leaves WIT2007 off.
        var diagnostics = Lint("""
            package a:b@1.0.0;

            /// I.
            @since(version = 1.0.0)
            interface i {
              /// F.
              @since(version = 1.0.0)
              f: func();
              /// G.
              g: func();
              /// H.
              @unstable(feature = h)
              h: func();
            }

            /// J.
            interface j {
              /// K.
              @since(version = 1.0.0)
              k: func();
              /// L.
              l: func();
            }
            """, LintOptions.Strict);

        Assert.Equal(new[] { "interface 'j' has no @since or @unstable gate, but package a:b@1.0.0 gates its other items with @since", "function 'l' has no @since or @unstable gate, but package a:b@1.0.0 gates its other items with @since" }, Codes(diagnostics, "WIT2007"));

        var ungated = Lint("""
            package a:b@1.0.0;

            /// I.
            interface i {
              /// G.
              g: func();
            }
            """, LintOptions.Strict);
        Assert.Empty(ungated);
    }

    [Fact]
    public void MembersInheritTheGateOfTheirResourceInterfaceOrWorld()
    {
        // WASI 0.3's http gates `resource fields`, not each of its methods; an item of a gated interface or world
        // inherits that gate too. Only what has no gate anywhere up its containers is reported.
        var diagnostics = Lint("""
            package a:b@1.0.0;

            /// Gated: its items inherit.
            @since(version = 1.0.0)
            interface gated {
              /// R.
              resource r {
                /// Constructor.
                constructor();
                /// Method.
                m: func();
                /// Static.
                s: static func() -> r;
              }
              /// T.
              type t = u32;
              /// F.
              f: func();
            }

            /// Not gated: only the gated resource's members inherit.
            interface open {
              /// Gated resource.
              @since(version = 1.0.0)
              resource fields {
                /// Inherits the resource's gate.
                get: func() -> u32;
              }
              /// Ungated resource.
              resource bare {
                /// Ungated method.
                m: func();
              }
              /// Ungated function.
              f: func();
            }

            /// Gated world.
            @since(version = 1.0.0)
            world w {
              /// Inherits.
              import g: func();
              /// Inherits.
              enum e { a }
            }

            /// Ungated world.
            world v {
              /// Ungated.
              import h: func();
            }
            """, LintOptions.Strict);

        Assert.Equal(new[]
        {
            "interface 'open' has no @since or @unstable gate, but package a:b@1.0.0 gates its other items with @since",
            "type 'bare' has no @since or @unstable gate, but package a:b@1.0.0 gates its other items with @since",
            "function 'bare.m' has no @since or @unstable gate, but package a:b@1.0.0 gates its other items with @since",
            "function 'f' has no @since or @unstable gate, but package a:b@1.0.0 gates its other items with @since",
            "world 'v' has no @since or @unstable gate, but package a:b@1.0.0 gates its other items with @since",
            "function 'h' has no @since or @unstable gate, but package a:b@1.0.0 gates its other items with @since",
        }, Codes(diagnostics, "WIT2007"));
    }

    [Fact]
    public void AMethodInheritingAStableGateIsStableForWit2008()
    {
        var diagnostics = Lint("""
            package a:b@1.0.0;

            /// I.
            interface i {
              /// New.
              @unstable(feature = fancy)
              record fancy { x: u32 }
              /// R.
              @since(version = 1.0.0)
              resource r {
                /// Stable through its resource.
                m: func(v: fancy);
              }
            }
            """, null, new ResolveOptions(features: new[] { "fancy" }));

        Assert.Equal(new[] { "'r.m' is stable since 1.0.0 but uses type 'fancy', which is @unstable(feature = fancy)" }, Codes(diagnostics, "WIT2008"));
    }

    [Fact]
    public void StableFunctionUsingUnstableTypeFires()
    {
        var diagnostics = Lint("""
            package a:b@1.0.0;

            /// I.
            @since(version = 1.0.0)
            interface i {
              /// New.
              @unstable(feature = fancy)
              record fancy { x: u32 }
              /// Old.
              @since(version = 1.0.0)
              record plain { x: u32 }
              /// F.
              @since(version = 1.0.0)
              f: func(v: fancy);
              /// G.
              @since(version = 1.0.0)
              g: func(v: plain);
              /// H.
              @unstable(feature = fancy)
              h: func(v: fancy);
            }
            """, null, new ResolveOptions(features: new[] { "fancy" }));

        Assert.Equal(new[] { "'f' is stable since 1.0.0 but uses type 'fancy', which is @unstable(feature = fancy)" }, Codes(diagnostics, "WIT2008"));
    }

    [Fact]
    public void UnusedUseFiresOnlyForNamesNothingRefersTo()
    {
        var diagnostics = Lint("""
            package a:b;

            /// Types.
            interface types {
              /// A size.
              type size = u64;
              /// A name.
              type name = string;
              /// A tag.
              type tag = u8;
            }

            /// Files.
            interface files {
              use types.{size, name, tag};

              /// The length.
              length: func() -> size;
            }

            /// Uses `tag` through `files`.
            interface tags {
              use files.{tag};

              /// The tag.
              get: func() -> tag;
            }
            """);

        // `size` is used by a function, `tag` by another interface's use; only `name` is unused.
        Assert.Equal(new[] { "`name` is brought in by `use` but nothing refers to it" }, Codes(diagnostics, "WIT2009"));
    }

    [Fact]
    public void MethodsThatRepeatTheirResourceNameAreFlagged()
    {
        var diagnostics = Lint("""
            package a:b;

            /// Files.
            interface files {
              /// Names a file after its interface, as WASI does (`exit.exit-with-code`): not flagged.
              files-open: func() -> file;

              /// A handle.
              resource file {
                /// Repeats the resource name.
                file-close: func();
                /// Contains it, but not as a prefix.
                reopen-file: func();
                /// Static functions are called through the resource too.
                file-count: static func() -> u32;
              }
            }
            """);

        Assert.Equal(new[]
        {
            "`file-close` repeats the name of its resource `file`; bindings already qualify it (use `close`)",
            "`file-count` repeats the name of its resource `file`; bindings already qualify it (use `count`)",
        }, Codes(diagnostics, "WIT2010"));
    }

    [Fact]
    public void FunctionsWithoutAnAbiLayoutGetNoAbiLintsButTheOtherRules()
    {
        // Flags of 33 members have no Canonical ABI layout (WIT1016): the function taking them has no ABI facts, so no
        // ABI rule speaks of it, while the rules that need no layout still do, and its neighbour is linted as usual.
        string flags = string.Join(", ", Enumerable.Range(0, 33).Select(i => $"g{i}"));
        string spilled = string.Join(", ", Enumerable.Range(0, 17).Select(i => $"p{i}: u32"));
        var resolved = WitFixture.Resolve($$"""
            package a:b;

            interface i {
              flags big { {{flags}} }
              f: func(x: big, s: string);
              g: func({{spilled}}, s: string);
            }

            world w {
              export i;
            }
            """);
        Assert.Contains(resolved.Model.Diagnostics, d => d.Code == "WIT1016");

        var diagnostics = WitLinter.Lint(resolved.Workspace, resolved.Model, LintOptions.Strict);

        Assert.Contains("function 'f' has no documentation comment ('///')", Codes(diagnostics, "WIT2001"));
        Assert.Equal(new[] { "'g'" }, diagnostics.Where(d => d.Code is "WIT2003" or "WIT2004").Select(d => d.Message.Split(' ').First(w => w.StartsWith('\''))).Distinct());
        Assert.DoesNotContain(diagnostics, d => d.Code is "WIT2003" or "WIT2004" or "WIT2005" && d.Message.Contains("'f'", System.StringComparison.Ordinal));
    }
}
