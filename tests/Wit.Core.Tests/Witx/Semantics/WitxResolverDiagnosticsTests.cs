using System.Linq;
using Wit.Core.Text;
using Wit.Core.Witx.Semantics;
using Wit.Core.Workspace;
using Xunit;
using static Wit.Core.Tests.Witx.Semantics.WitxSemanticsCheck;

namespace Wit.Core.Tests.Witx.Semantics;

/// <summary>Each WITX semantic diagnostic, at the span it is about, with the witx crate's wording where it has one.</summary>
public sealed class WitxResolverDiagnosticsTests
{
    [Fact]
    public void UnknownName() =>
        ExpectDiagnostics("(typename $a (list [|$b|]))", new[] { ("WITX1001", "Unknown name `b`") });

    [Fact]
    public void NamesMustBeDefinedBeforeUse() =>
        ExpectDiagnostics("(typename $a [|$b|])\n(typename $b u8)", new[] { ("WITX1001", "Unknown name `b`") });

    [Fact]
    public void DuplicateTypenameKeepsTheFirstDefinition()
    {
        var model = ExpectDiagnostics("(typename $x u32)\n(typename [|$x|] u8)", new[] { ("WITX1002", "Redefinition of name `x`") });

        var diagnostic = Assert.Single(model.Diagnostics);
        Assert.Equal(new TextSpan(10, 2), Assert.Single(diagnostic.Related).Span);
        Assert.Equal(WitxBuiltinType.U32, model.FindTypename("x")!.Type.Builtin);
    }

    [Fact]
    public void TypenamesAndModulesShareOneScope() =>
        ExpectDiagnostics("(typename $x u32)\n(module [|$x|])", new[] { ("WITX1002", "Redefinition of name `x`") });

    [Fact]
    public void DuplicateMembers() =>
        ExpectDiagnostics(
            "(typename $r (record (field $a u8) (field [|$a|] u8)))\n(typename $e (enum $a [|$a|]))\n(typename $f (flags $a [|$a|]))\n"
            + "(module $m (@interface func (export \"f\") (param $p u8) (result [|$p|] u8)) (@interface func (export [|\"f\"|])))",
            new[]
            {
                ("WITX1002", "Redefinition of name `a`"), ("WITX1002", "Redefinition of name `a`"), ("WITX1002", "Redefinition of name `a`"),
                ("WITX1002", "Redefinition of name `p`"), ("WITX1002", "Redefinition of name `f`"),
            });

    [Fact]
    public void SelfReferenceIsRecursive() =>
        ExpectDiagnostics("(typename $a (list [|$a|]))", new[] { ("WITX1003", "Recursive definition of name `a`") });

    [Fact]
    public void ModuleUsedAsAType() =>
        ExpectDiagnostics("(module $m)\n(typename $a [|$m|])", new[] { ("WITX1004", "Wrong kind of name `m`: expected datatype, got module") });

    [Fact]
    public void TagOfTheWrongKind() =>
        ExpectDiagnostics("(typename $t string)\n(typename $u (union (@witx tag [|$t|]) u8))",
            new[] { ("WITX1004", "Wrong kind of name `t`: expected enum or builtin, got list") });

    [Fact]
    public void InvalidRepresentation() =>
        ExpectDiagnostics("(typename $f (flags (@witx repr [|f32|]) $a))\n(typename $e (enum (@witx tag [|s8|]) $a))",
            new[]
            {
                ("WITX1005", "Invalid representation `f32`: expected `u8`, `u16`, `u32` or `u64`"),
                ("WITX1005", "Invalid representation `s8`: expected `u8`, `u16`, `u32` or `u64`"),
            });

    [Fact]
    public void TooManyFlagsForTheRepresentation() =>
        ExpectDiagnostics("(typename $f [|(flags|] (@witx repr u8) $a $b $c $d $e $f $g $h $i))",
            new[] { ("WITX1005", "9 flags do not fit in the representation `u8` (8 bits)") });

    [Fact]
    public void TooManyCasesForTheTag()
    {
        string cases = string.Join(" ", Enumerable.Range(0, 257).Select(i => "$c" + i));
        ExpectDiagnostics($"(typename $e [|(enum|] (@witx tag u8) {cases}))", new[] { ("WITX1005", "257 cases do not fit in the tag representation `u8`") });
    }

    [Fact]
    public void AnonymousStructuredTypes() =>
        ExpectDiagnostics("(typename $a (list [|(record|] (field $x u8))))\n(module $m (@interface func (export \"f\") (param $p [|(handle|]))))",
            new[]
            {
                ("WITX1006", "Anonymous structured types (struct, union, enum, flags, handle) are not permitted"),
                ("WITX1006", "Anonymous structured types (struct, union, enum, flags, handle) are not permitted"),
            });

    [Fact]
    public void UnionAndVariantTags() =>
        ExpectDiagnostics(
            "(typename $tag (enum $a $b))\n(typename $u [|(union|] (@witx tag $tag) u8))\n"
            + "(typename $v (variant (@witx tag $tag) (case [|$c|] u8) (case $a)))\n(typename $p (variant (case $x u8)))\n(typename $w (variant (@witx tag [|$p|]) (case $x)))",
            new[]
            {
                ("WITX1007", "Union expected 2 variants, found 1"),
                ("WITX1007", "Invalid union field `c`: does not correspond to variant in tag `tag`"),
                ("WITX1007", "Invalid union tag: all variant cases should have empty payloads"),
            });

    [Fact]
    public void ResultsOutsideTheAbi() =>
        ExpectDiagnostics(
            "(typename $errno (enum $ok $bad))\n(typename $r (record (field $x u8)))\n(module $m\n"
            + "  (@interface func (export [|\"list\"|]) (result $r (list u8)))\n"
            + "  (@interface func (export [|\"two\"|]) (result $a u8) (result $b u8))\n"
            + "  (@interface func (export [|\"anonymous\"|]) (result $e (expected (tuple $r u8) (error $errno))))\n"
            + "  (@interface func (export \"fine\") (result $e (expected (tuple $r $errno) (error $errno)))))",
            new[]
            {
                ("WITX1008", "ABI error: invalid return type"),
                ("WITX1008", "ABI error: more than one result"),
                ("WITX1008", "ABI error: only named types are allowed in results"),
            });

    [Fact]
    public void MissingUsedFile() =>
        ExpectDiagnostics("(use [|\"missing.witx\"|])", new[] { ("WITX1009", "cannot read `/witx/missing.witx`: no such file") });

    [Fact]
    public void UnsupportedForms() =>
        ExpectDiagnostics(
            "[|(foo|] bar)\n(typename $a [|i32|])\n(typename $b [|(string|]))\n(module $m [|(func|]) (import \"memory\" (memory)) [|(import|] \"t\" (table)))",
            new[]
            {
                ("WITX1010", "unexpected form `(foo ...)`: a document holds `typename`, `module`, `use` and `(@witx const ...)` forms"),
                ("WITX1010", "expected a type, found keyword `i32`"),
                ("WITX1010", "expected a type, found `(string ...)`"),
                ("WITX1010", "unexpected form `(func ...)` in a module: a module holds `(import ...)` and `(@interface func ...)` forms"),
                ("WITX1010", "expected `(import \"name\" (memory))`: memories are the only imports WITX knows"),
            });

    [Fact]
    public void Constants()
    {
        var model = ExpectDiagnostics(
            "(typename $t u8)\n(typename $f f32)\n(@witx const $t $ok 255)\n(@witx const $t $big [|256|])\n(@witx const $t [|$ok|] 1)\n"
            + "(@witx const $f $x [|0|])\n(@witx const [|$nope|] $y 0)\n(@witx const $t $neg [|-1|])",
            new[]
            {
                ("WITX1011", "the value does not fit in u8"),
                ("WITX1002", "Redefinition of name `ok`"),
                ("WITX1011", "a constant needs an integer type, not f32"),
                ("WITX1001", "Unknown name `nope`"),
                ("WITX1011", "the value is negative but u8 is unsigned"),
            });

        Assert.Equal(255UL, model.Constants.Single(c => c.Name == "ok").Value);
    }

    [Fact]
    public void TypeTooLargeForA32BitMemoryIsReportedOnceWhereItStarts()
    {
        // Each record doubles the size of the last; a list of the largest is still a pointer and a length.
        var text = new System.Text.StringBuilder("(typename $r0 (record (field $a u64) (field $b u64)))\n");
        for (int i = 1; i <= 40; i++) text.Append($"(typename $r{i} {(i == 28 ? "[|(record|]" : "(record")} (field $a $r{i - 1}) (field $b $r{i - 1})))\n");
        text.Append("(typename $l (list $r40))");

        var model = ExpectDiagnostics(text.ToString(), new[] { ("WITX1012", "type too large: its size is 4294967296 bytes, more than a 32-bit memory holds") });

        Assert.Equal(16L << 40, model.FindTypename("r40")!.Type.Layout.Size);
        Assert.Equal(8, model.FindTypename("l")!.Type.Layout.Size);
    }

    [Fact]
    public void EmptyTypes() =>
        ExpectDiagnostics("(typename $r [|(record|]))\n(typename $e [|(enum|]))\n(typename $v [|(variant|]))\n(typename $u [|(union|]))\n(typename $t (list [|(tuple|])))",
            new[]
            {
                ("WITX1013", "Record has no fields"), ("WITX1013", "Enum has no cases"), ("WITX1013", "Variant has zero cases"),
                ("WITX1013", "Union has no cases"), ("WITX1013", "Tuple has no elements"),
            });

    [Fact]
    public void SyntaxErrorsAreIncludedAndDoNotCascade() =>
        ExpectDiagnostics("(typename [|(|]list u8))\n(typename $ok u8)[|)|]", new[]
        {
            ("WITX0007", "expected a `$name` after `typename`, found '('"),
            ("WITX0005", "unexpected ')' with no matching '('"),
        });

    [Fact]
    public void ABadParameterTypeLeavesTheFunctionWithoutASignature()
    {
        var model = ExpectDiagnostics("(module $m (@interface func (export \"f\") (param $p [|$nope|]) (result $r u8)))", new[] { ("WITX1001", "Unknown name `nope`") });

        var function = model.FindModule("m")!.FindFunction("f")!;
        Assert.Equal(WitxTypeKind.Error, function.Params[0].Type!.Type.Kind);
        Assert.Null(WitxAbi.Signature(function));
    }

    [Fact]
    public void ErrorsInAUsedFileNameThatFile()
    {
        var files = new InMemoryFileSystem().Add("/witx/types.witx", "(typename $a u8)\n(typename $b $missing)");
        var model = WitxResolver.Resolve("(use \"types.witx\")\n(typename $c $a)", MainPath, files);

        var diagnostic = Assert.Single(model.Diagnostics);
        Assert.Equal(("WITX1001", "/witx/types.witx", new TextSpan(30, 8)), (diagnostic.Code, diagnostic.Document!.Path, diagnostic.Span));
        Assert.Equal(WitxBuiltinType.U8, model.FindTypename("c")!.Type.Builtin);
    }
}
