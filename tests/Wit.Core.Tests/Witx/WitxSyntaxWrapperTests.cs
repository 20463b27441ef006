using System.Linq;
using Wit.Core.Syntax;
using Wit.Core.Witx;
using Xunit;

namespace Wit.Core.Tests.Witx;

/// <summary>The typed wrappers read names, types, members and docs, and give null for what a half-written form lacks.</summary>
public sealed class WitxSyntaxWrapperTests
{
    private const string Text = """
        (use "typenames.witx")

        ;;; A size.
        ;;;    Indented second line.
        (typename $size u32)
        (typename $iovec (record (field $buf (@witx pointer u8)) (field $buf_len $size)))

        ;;; The module.
        (module $wasi
          (import "memory" (memory))
          ;;; Reads.
          (@interface func (export "fd_read")
            (param $fd $fd)
            (param $iovs $iovec_array)
            (result $error (expected $size (error $errno))))
          (@interface func (export "proc\u{5f}exit")
            (param $rval $exitcode)
            (@witx noreturn)))
        """;

    private static WitxDocumentSyntax Document(string text) => WitxDocumentSyntax.Cast(SyntaxTree.ParseWitx(text).Root)!;

    [Fact]
    public void DocumentListsItsForms()
    {
        var document = Document(Text);
        Assert.Equal(new[] { "typenames.witx" }, document.UsedFiles);
        Assert.Equal(new[] { SyntaxKind.WitxUse, SyntaxKind.WitxTypename, SyntaxKind.WitxTypename, SyntaxKind.WitxModule }, document.Forms.Select(f => f.Kind));
        Assert.Equal(new[] { "$size", "$iovec" }, document.Typenames.Select(t => t.Name?.Text));
    }

    [Fact]
    public void TypenameHasNameTypeAndDocumentation()
    {
        var typenames = Document(Text).Typenames.ToList();
        Assert.Equal("u32", typenames[0].Type?.AsToken().Text);
        Assert.Equal("A size.\n   Indented second line.", typenames[0].Documentation);
        var record = typenames[1].Type?.AsNode();
        Assert.Equal(SyntaxKind.WitxRecord, record?.Kind);
        Assert.Null(typenames[1].Documentation);
        var fields = record!.ChildNodes().Select(WitxMemberSyntax.Cast).ToList();
        Assert.Equal(new[] { "$buf", "$buf_len" }, fields.Select(f => f!.Name?.Text));
        Assert.Equal(SyntaxKind.WitxPointer, fields[0]!.Type?.Kind);
    }

    [Fact]
    public void ModuleHasImportsAndFunctions()
    {
        var module = Assert.Single(Document(Text).Modules);
        Assert.Equal("$wasi", module.Name?.Text);
        Assert.Equal("The module.", module.Documentation);
        Assert.Single(module.Imports);
        var functions = module.Functions.ToList();
        Assert.Equal(new[] { "fd_read", "proc_exit" }, functions.Select(f => f.Name));
        Assert.Equal("\"proc\\u{5f}exit\"", functions[1].ExportNameToken?.Text);
        Assert.Equal("Reads.", functions[0].Documentation);
        Assert.Equal(new[] { "$fd", "$iovs" }, functions[0].Params.Select(p => p.Name?.Text));
        var result = Assert.Single(functions[0].Results);
        Assert.Equal(SyntaxKind.WitxExpected, result.Type?.Kind);
        Assert.False(functions[0].IsNoreturn);
        Assert.True(functions[1].IsNoreturn);
    }

    [Fact]
    public void HalfWrittenFormsGiveNulls()
    {
        var document = Document("(typename)\n(typename u32)\n(module (@interface func (param $x");
        var typenames = document.Typenames.ToList();
        Assert.Null(typenames[0].Name);
        Assert.Null(typenames[0].Type);
        Assert.Null(typenames[1].Name);
        Assert.Null(typenames[1].Type);
        var module = Assert.Single(document.Modules);
        Assert.Null(module.Name);
        var function = Assert.Single(module.Functions);
        Assert.Null(function.Name);
        Assert.Null(function.ExportNameToken);
        var param = Assert.Single(function.Params);
        Assert.Equal("$x", param.Name?.Text);
        Assert.Null(param.Type);
    }

    [Fact]
    public void CastRejectsOtherKinds()
    {
        var root = SyntaxTree.ParseWitx("(typename $a u8)").Root;
        var typename = root.ChildNodes().Single();
        Assert.Null(WitxModuleSyntax.Cast(typename));
        Assert.Null(WitxFuncSyntax.Cast(typename));
        Assert.Null(WitxMemberSyntax.Cast(typename));
        Assert.Null(WitxDocumentSyntax.Cast(typename));
        Assert.Null(WitxTypenameSyntax.Cast(root));
        Assert.NotNull(WitxTypenameSyntax.Cast(typename));
    }
}
