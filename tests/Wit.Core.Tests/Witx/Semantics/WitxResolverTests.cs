using System.Linq;
using Wit.Core.Witx.Semantics;
using Wit.Core.Workspace;
using Xunit;
using static Wit.Core.Tests.Witx.Semantics.WitxSemanticsCheck;

namespace Wit.Core.Tests.Witx.Semantics;

/// <summary>The resolved WITX model: shorthand expansion, tags, uses, documentation and layouts.</summary>
public sealed class WitxResolverTests
{
    [Fact]
    public void ShorthandsExpandAsTheWitxCrateExpandsThem()
    {
        var model = Valid("(typename $s string)\n(typename $b bool)\n(typename $t (tuple u8 u64))\n(typename $e (expected u32 (error u16)))\n"
            + "(typename $f (flags $x $y))\n(typename $n (enum $p $q))\n(typename $u (union u8 f64))");

        var s = model.FindTypename("s")!.Type;
        Assert.Equal((WitxTypeKind.List, WitxTypeForm.String, WitxBuiltinType.Char), (s.Kind, s.Form, s.Element!.Type.Builtin));
        var b = model.FindTypename("b")!.Type;
        Assert.True(b.IsBool && b.IsEnumLike);
        Assert.Equal((4L, 4), (b.Layout.Size, b.Layout.Alignment));
        var t = model.FindTypename("t")!.Type;
        Assert.True(t.IsTuple);
        Assert.Equal(new[] { "0", "1" }, t.Members.Select(m => m.Name));
        Assert.Equal((16L, 8), (t.Layout.Size, t.Layout.Alignment));
        Assert.Equal(new long[] { 0, 8 }, t.Layout.FieldOffsets);
        var e = model.FindTypename("e")!.Type;
        Assert.True(e.TryGetExpected(out var ok, out var err));
        Assert.Equal((WitxBuiltinType.U32, WitxBuiltinType.U16, WitxIntRepr.U32), (ok!.Type.Builtin, err!.Type.Builtin, e.Repr));
        var f = model.FindTypename("f")!.Type;
        Assert.True(f.IsBitflags);
        Assert.Equal((WitxIntRepr.U32, 4L), (f.Repr, f.Layout.Size));
        Assert.All(f.Members, m => Assert.True(m.Type!.Type.IsBool));
        var n = model.FindTypename("n")!.Type;
        Assert.Equal((WitxTypeForm.Enum, WitxIntRepr.U32, 4L), (n.Form, n.Repr, n.Layout.Size));
        var u = model.FindTypename("u")!.Type;
        Assert.Equal(new[] { "0", "1" }, u.Members.Select(m => m.Name));
        Assert.Equal((16L, 8, 4, 8L), (u.Layout.Size, u.Layout.Alignment, u.Layout.TagSize, u.Layout.PayloadOffset));
    }

    [Fact]
    public void ATagEnumNamesAndOrdersTheCases()
    {
        var model = Valid("(typename $tag (enum (@witx tag u8) $a $b))\n(typename $v (variant (@witx tag $tag) (case $b u64) (case $a)))\n"
            + "(typename $u (union (@witx tag $tag) u16 u32))\n(typename $w (variant (@witx tag u16) (case $x u8)))");

        var v = model.FindTypename("v")!.Type;
        Assert.Equal(new[] { "a", "b" }, v.Members.Select(m => m.Name));
        Assert.Equal(("tag", WitxIntRepr.U8), (v.Tag!.Name!.Name, v.Repr));
        Assert.Equal((16L, 8, 1, 8L), (v.Layout.Size, v.Layout.Alignment, v.Layout.TagSize, v.Layout.PayloadOffset));
        Assert.Equal(new[] { "a", "b" }, model.FindTypename("u")!.Type.Members.Select(m => m.Name));
        Assert.Equal((WitxIntRepr.U16, 4L), (model.FindTypename("w")!.Type.Repr, model.FindTypename("w")!.Type.Layout.Size));
    }

    [Fact]
    public void VariantSizeFollowsTheWitxCrateRuleCaseByCase()
    {
        // The crate rounds each case (tag, then that case's payload) to its own alignment and takes the largest,
        // while payloads are read at one offset. With a small-aligned large payload beside a more aligned one, the
        // size (8) is smaller than the payload offset (4) plus the largest payload (5); the Canonical ABI would say 12.
        var model = Valid("(typename $five (tuple u8 u8 u8 u8 u8))\n(typename $v (variant (@witx tag u8) (case $a u32) (case $b $five)))");

        var layout = model.FindTypename("v")!.Type.Layout;
        Assert.Equal((8L, 4, 1, 4L), (layout.Size, layout.Alignment, layout.TagSize, layout.PayloadOffset));
    }

    [Fact]
    public void DocumentationIsKept()
    {
        var model = Valid(";;; A type.\n(typename $e (enum\n  ;;; First.\n  $a\n  $b))\n;;; The module.\n(module $m\n  ;;; A function.\n  (@interface func (export \"f\")\n    ;;; The parameter.\n    (param $p $e)))");

        Assert.Equal("A type.", model.FindTypename("e")!.Docs);
        Assert.Equal(new[] { "First.", null }, model.FindTypename("e")!.Type.Members.Select(m => m.Docs));
        var module = model.FindModule("m")!;
        Assert.Equal(("The module.", "A function.", "The parameter."), (module.Docs, module.Functions[0].Docs, module.Functions[0].Params[0].Docs));
    }

    [Fact]
    public void UsedFilesAreReadOnceRelativeToTheUsingFile()
    {
        var files = new InMemoryFileSystem()
            .Add("/witx/common/base.witx", "(typename $base u8)")
            .Add("/witx/common/b.witx", "(use \"base.witx\")\n(typename $b $base)")
            .Add("/witx/c.witx", "(use \"common/base.witx\")\n(use \"./common/../common/base.witx\")\n(typename $c $base)");

        var model = Valid("(use \"common/b.witx\")\n(use \"c.witx\")\n(typename $main (tuple $b $c))", files);

        Assert.Equal(new[] { "base", "b", "c", "main" }, model.Typenames.Select(t => t.Name));
        Assert.Equal(new[] { MainPath, "/witx/common/b.witx", "/witx/common/base.witx", "/witx/c.witx" }, model.Files.Select(f => f.Text.Path));
    }

    [Fact]
    public void ACycleOfUsesLoadsEachFileOnce()
    {
        // The witx crate skips a file it has seen; here b uses main while main is being loaded, so b sees only what
        // main defined before its use.
        var files = new InMemoryFileSystem()
            .Add(MainPath, "(typename $early u8)\n(use \"b.witx\")\n(typename $late u8)")
            .Add("/witx/b.witx", "(use \"main.witx\")\n(typename $b $early)\n(typename $c $late)");

        var model = WitxResolver.Resolve(files, MainPath);

        var diagnostic = Assert.Single(model.Diagnostics);
        Assert.Equal(("WITX1001", "Unknown name `late`", "/witx/b.witx"), (diagnostic.Code, diagnostic.Message, diagnostic.Document!.Path));
        Assert.Equal(new[] { "early", "b", "c", "late" }, model.Typenames.Select(t => t.Name));
    }

    [Fact]
    public void SeveralRootFilesShareOneScope()
    {
        var files = new InMemoryFileSystem().Add("/a.witx", "(typename $a u32)").Add("/b.witx", "(typename $a u8)").Add("/c.witx", "(typename $c $a)");

        var model = WitxResolver.Resolve(files, new[] { "/a.witx", "/c.witx", "/b.witx", "/a.witx" });

        var diagnostic = Assert.Single(model.Diagnostics);
        Assert.Equal(("Redefinition of name `a`", "/b.witx", "/a.witx"), (diagnostic.Message, diagnostic.Document!.Path, diagnostic.Related[0].Document.Path));
        Assert.Equal(WitxBuiltinType.U32, model.FindTypename("c")!.Type.Builtin);
    }

    [Fact]
    public void AMissingRootFileIsADiagnostic()
    {
        var model = WitxResolver.Resolve(new InMemoryFileSystem(), "/nowhere.witx");

        Assert.Equal("WITX1009 [0..0): cannot read `/nowhere.witx`: no such file", Assert.Single(model.Diagnostics).ToString());
    }

    [Fact]
    public void AnAliasKeepsItsNameForTheAbi()
    {
        var model = Valid("(typename $errno (enum (@witx tag u16) $success $inval))\n(typename $size u32)\n(typename $alias $errno)\n"
            + "(module $m (@interface func (export \"f\") (param $p (list u8)) (result $e (expected $size (error $alias)))))");

        var alias = model.FindTypename("alias")!;
        Assert.Equal("errno", alias.Definition.Name!.Name);
        Assert.Same(model.FindTypename("errno")!.Type, alias.Type);
        var function = model.FindModule("m")!.FindFunction("f")!;
        Assert.Equal("(func (param i32 i32 i32) (result i32))", WitxAbi.Signature(function)!.ToString());
        Assert.Equal(1, WitxAbi.Signature(function)!.ReturnPointerCount);
        Assert.Equal("get-arg0 list.pointer_length allocate-space return_pointer.get0 call.wasm block.push return_pointer.get0 load block.finish "
            + "block.push reuse_return enum.lift block.finish result.lift return", string.Join(" ", WitxAbi.CallWasmProgram(function)));
        Assert.Equal("get-arg0 get-arg1 list.from_pointer_length call.interface block.push variant-payload get-arg2 store block.finish "
            + "block.push variant-payload enum.lower block.finish result.lower return", string.Join(" ", WitxAbi.CallInterfaceProgram(function)));
    }

    [Fact]
    public void RepresentationComparesStructureNotNames()
    {
        var model = Valid("(typename $a (enum (@witx tag u16) $x $y))\n(typename $b (enum $x $y $z))\n(typename $r (record (field $f $a)))\n"
            + "(typename $s (record (field $f $b)))\n(typename $l (list $a))\n(typename $m (list $b))\n(typename $c (@witx char8))\n(typename $u8 u8)\n(typename $u64 u64)");
        WitxType T(string name) => model.FindTypename(name)!.Type;

        Assert.Equal(WitxRepEquality.Superset, WitxRepresentation.Compare(T("a"), T("b")));
        Assert.Equal(WitxRepEquality.NotEq, WitxRepresentation.Compare(T("b"), T("a")));
        Assert.Equal(WitxRepEquality.Superset, WitxRepresentation.Compare(T("l"), T("m")));
        Assert.Equal(WitxRepEquality.NotEq, WitxRepresentation.Compare(T("r"), T("s")));
        Assert.Equal(WitxRepEquality.Eq, WitxRepresentation.Compare(T("r"), T("r")));
        Assert.Equal(WitxRepEquality.NotEq, WitxRepresentation.Compare(T("c"), T("u8")));
        Assert.Equal(WitxRepEquality.Superset, WitxRepresentation.Compare(T("c"), T("u64")));
    }
}
