using Wit.Core.Syntax;
using Xunit;
using static Wit.Core.Tests.Witx.WitxTestHelpers;

namespace Wit.Core.Tests.Witx;

/// <summary>The node kinds the parser gives each WITX form, checked through compact tree dumps.</summary>
public sealed class WitxParserShapeTests
{
    private static void CheckShape(string text, params string[] expected)
    {
        var tree = Parse(text);
        Assert.Empty(tree.Diagnostics);
        Assert.Equal(expected, DumpTopLevel(text));
    }

    [Fact]
    public void Typename() => CheckShape(
        "(typename $size u32)",
        "WitxTypename[( typename $size u32 )]");

    [Fact]
    public void UseOfAFile() => CheckShape(
        "(use \"typenames.witx\")",
        "WitxUse[( use \"typenames.witx\" )]");

    [Fact]
    public void RecordWithFieldsAndPointers() => CheckShape(
        "(typename $iovec (record (field $buf (@witx pointer u8)) (field $buf_len $size)))",
        "WitxTypename[( typename $iovec WitxRecord[( record WitxField[( field $buf WitxPointer[( @witx pointer u8 )] )] WitxField[( field $buf_len $size )] )] )]");

    [Fact]
    public void EnumWithTagAndDocumentedCases() => CheckShape(
        "(typename $clockid\n  (enum (@witx tag u32)\n    ;;; Real time.\n    $realtime\n    $monotonic))",
        "WitxTypename[( typename $clockid WitxEnum[( enum WitxTag[( @witx tag u32 )] $realtime $monotonic )] )]");

    [Fact]
    public void VariantWithCases() => CheckShape(
        "(typename $u (variant (@witx tag $tag) (case $a) (case $b u16)))",
        "WitxTypename[( typename $u WitxVariant[( variant WitxTag[( @witx tag $tag )] WitxCase[( case $a )] WitxCase[( case $b u16 )] )] )]");

    [Fact]
    public void FlagsWithRepr() => CheckShape(
        "(typename $rights (flags (@witx repr u64) $fd_read $fd_write))",
        "WitxTypename[( typename $rights WitxFlags[( flags WitxRepr[( @witx repr u64 )] $fd_read $fd_write )] )]");

    [Fact]
    public void HandleUnionTupleListExpected() => CheckShape(
        "(typename $fd (handle))\n(typename $u (union u8 (@witx usize) (@witx char8)))\n(typename $t (tuple $size $size))\n(typename $l (list u8))\n(typename $e (expected $size (error $errno)))",
        "WitxTypename[( typename $fd WitxHandle[( handle )] )]",
        "WitxTypename[( typename $u WitxUnion[( union u8 WitxBuiltin[( @witx usize )] WitxBuiltin[( @witx char8 )] )] )]",
        "WitxTypename[( typename $t WitxTuple[( tuple $size $size )] )]",
        "WitxTypename[( typename $l WitxListType[( list u8 )] )]",
        "WitxTypename[( typename $e WitxExpected[( expected $size WitxError[( error $errno )] )] )]");

    [Fact]
    public void ModuleWithImportAndFunction() => CheckShape(
        "(module $wasi\n  (import \"memory\" (memory))\n  (@interface func (export \"proc_exit\")\n    (param $rval $exitcode)\n    (@witx noreturn))\n  (@interface func (export \"f\") (param $p (@witx const_pointer u8)) (result $error (expected (error $errno)))))",
        "WitxModule[( module $wasi WitxImport[( import \"memory\" WitxMemory[( memory )] )] "
        + "WitxInterfaceFunc[( @interface func WitxExport[( export \"proc_exit\" )] WitxParam[( param $rval $exitcode )] WitxNoreturn[( @witx noreturn )] )] "
        + "WitxInterfaceFunc[( @interface func WitxExport[( export \"f\" )] WitxParam[( param $p WitxConstPointer[( @witx const_pointer u8 )] )] WitxResult[( result $error WitxExpected[( expected WitxError[( error $errno )] )] )] )] )]");

    [Fact]
    public void WitxConstAndResource() => CheckShape(
        "(@witx const $exitcode $success 0)\n(resource $handle)",
        "WitxConst[( @witx const $exitcode $success 0 )]",
        "WitxResource[( resource $handle )]");

    [Fact]
    public void UnknownHeadsAreLists() => CheckShape(
        "(assert_invalid (witx (typename $x u32)) \"Redefinition\")\n(@witx unknown_thing)\n(@other x)\n(() \"s\")",
        "WitxList[( assert_invalid WitxList[( witx WitxTypename[( typename $x u32 )] )] \"Redefinition\" )]",
        "WitxWitxAnnotation[( @witx unknown_thing )]",
        "WitxList[( @other x )]",
        "WitxList[( WitxList[( )] \"s\" )]");

    [Fact]
    public void CoreWasmSignaturesInWitxtAreNotMistakenForFunctionMembers() => CheckShape(
        "(assert_abi (witx (module $x (@interface func (export \"f\")))) (wasm (param i32) (result i64)))",
        "WitxList[( assert_abi WitxList[( witx WitxModule[( module $x WitxInterfaceFunc[( @interface func WitxExport[( export \"f\" )] )] )] )] WitxList[( wasm WitxParam[( param i32 )] WitxResult[( result i64 )] )] )]");

    [Fact]
    public void CommentsAreTriviaOfTheFollowingToken()
    {
        string text = ";;; Doc.\n(typename $a (; inline ;) u8) ;; trailing\n;; leading\n";
        var root = Parse(text).GreenRoot;
        Assert.Equal(2, root.SlotCount);
        var typename = (GreenNode)root.GetSlot(0);
        var open = (GreenToken)typename.GetSlot(0);
        Assert.Equal(new[] { SyntaxKind.DocLineCommentTrivia, SyntaxKind.EndOfLineTrivia }, System.Linq.Enumerable.Select(open.LeadingTrivia, t => t.Kind));
        // A comment on the same line follows the previous token, as trailing trivia.
        var name = (GreenToken)typename.GetSlot(2);
        Assert.Equal(new[] { " ", "(; inline ;)", " " }, System.Linq.Enumerable.Select(name.TrailingTrivia, t => t.Text));
        var eof = (GreenToken)root.GetSlot(1);
        Assert.Equal(";; leading", eof.LeadingTrivia[0].Text);
    }

    [Fact]
    public void EmptyAndTriviaOnlyDocumentsAreJustTheEndOfFile()
    {
        foreach (var text in new[] { "", "  \n;; only a comment\n(; block ;)" })
        {
            var root = Parse(text).GreenRoot;
            var eof = Assert.Single(root.Slots);
            Assert.Equal(SyntaxKind.EndOfFileToken, eof.Kind);
            Assert.Equal(text.Length, eof.FullWidth);
        }
    }
}
