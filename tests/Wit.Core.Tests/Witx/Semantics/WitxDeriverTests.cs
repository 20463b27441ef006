using System.Linq;
using Wit.Core.Abi;
using Wit.Core.Diagnostics;
using Wit.Core.Semantics;
using Wit.Core.Witx.Semantics;
using Wit.Core.Workspace;
using Xunit;

namespace Wit.Core.Tests.Witx.Semantics;

/// <summary>How WIT constructs become WITX: flattened parameters, spilled parameters, results in memory, scalar results, and what WITX cannot say.</summary>
public sealed class WitxDeriverTests
{
    private const string Shapes = """
        package test:pkg@1.0.0;

        interface shapes {
          /// A point.
          record point { x: s32, y: s32 }
          variant shape { circle(f32), rect(tuple<point, point>), empty }
          enum color { red, green }
          flags perms { read, write }
          resource blob {
            constructor(data: list<u8>);
            size: func() -> u64;
          }
          type id = u64;
          type pair = tuple<id, string>;

          move: func(p: point, by: s32) -> point;
          area: func(s: shape) -> f64;
          is-red: func(c: color) -> bool;
          paint: func() -> color;
          get-perms: func() -> perms;
          lookup: func(k: id) -> option<pair>;
          wrap: func(x: u32) -> tuple<u32>;
          many: func(a: u64, b: u64, c: u64, d: u64, e: u64, f: u64, g: u64, h: u64, i: u64, j: u64, k: u64, l: u64, m: u64, n: u64, o: u64, p: u64, q: u64);
          %ret: func(%ret: string) -> string;
        }

        world app {
          import shapes;
          import log: func(message: string);
          export run: func(args: list<string>) -> result;
          export handler: interface {
            handle: func(p: u32) -> list<u8>;
          }
        }
        """;

    private static Interface Interface(string text, string name, out WitModel model)
    {
        model = WitResolver.Resolve(new InMemoryFileSystem().Add("/pkg/a.wit", text), "/pkg/a.wit");
        Assert.Empty(model.Diagnostics.Select(d => d.ToString()));
        return model.Interfaces.Single(i => i.Name == name);
    }

    private static WitxDerivation Derive(string text = Shapes, string name = "shapes")
    {
        var derivation = WitxDeriver.DeriveInterface(Interface(text, name, out _));
        WitxDeriverWasiTests.CheckDerivation(name, derivation, derivation.Functions.Count);
        return derivation;
    }

    /// <summary>The lines of the derived function exported as <paramref name="name"/>, comments and docs left out.</summary>
    private static string Function(WitxDerivation derivation, string name)
    {
        var lines = derivation.Text.Split('\n');
        int start = System.Array.FindIndex(lines, l => l.Contains($"(export \"{name}\")"));
        Assert.True(start >= 0, name);
        var body = lines.Skip(start).TakeWhile(l => l != "  )").Select(l => l.Trim()).Where(l => !l.StartsWith(";;"));
        return string.Join(" ", body);
    }

    [Fact]
    public void RecordsAndVariantsFlattenIntoOneParameterPerCoreValue()
    {
        var derivation = Derive();

        Assert.Equal("(@interface func (export \"move\") (param $p.x s32) (param $p.y s32) (param $by s32) (param $ret (@witx pointer $point))",
            Function(derivation, "move"));
        Assert.Equal("(@interface func (export \"area\") (param $s.tag u32) (param $s.payload0 u32) (param $s.payload1 u32) (param $s.payload2 u32) "
            + "(param $s.payload3 u32) (result $ret f64)", Function(derivation, "area"));
        var area = derivation.Functions.Single(f => f.ExportName == "area");
        Assert.Equal("(func (param i32 i32 i32 i32 i32) (result f64))", area.Canonical!.ToString());
        Assert.Equal(area.Canonical.ToString(), area.Witx!.ToString());
    }

    [Fact]
    public void ResultsWitxCannotReturnBecomeTheirCoreValue()
    {
        var derivation = Derive();

        Assert.Equal("(@interface func (export \"is-red\") (param $c $color) (result $ret u8)", Function(derivation, "is-red"));
        Assert.Equal("(@interface func (export \"paint\") (result $ret u8)", Function(derivation, "paint"));
        Assert.Equal("(@interface func (export \"get-perms\") (result $ret $perms)", Function(derivation, "get-perms"));
        Assert.Equal("(@interface func (export \"wrap\") (param $x u32) (result $ret u32)", Function(derivation, "wrap"));
        Assert.Equal("(@interface func (export \"lookup\") (param $k $id) (param $ret (@witx pointer (variant (@witx tag u8) (case $none) (case $some $pair))))",
            Function(derivation, "lookup"));
        Assert.Equal("(@interface func (export \"ret\") (param $ret string) (param $ret2 (@witx pointer string))", Function(derivation, "ret"));
    }

    [Fact]
    public void MoreThanSixteenCoreParametersPassThroughAPointerToARecord()
    {
        var derivation = Derive();

        Assert.Equal("(@interface func (export \"many\") (param $params (@witx const_pointer $many.params))", Function(derivation, "many"));
        var record = derivation.Model.FindTypename("many.params")!.Type;
        Assert.Equal(17, record.Members.Count);
        Assert.Equal((136L, 8), (record.Layout.Size, record.Layout.Alignment));
        Assert.Equal("(func (param i32) (result ))", derivation.Functions.Single(f => f.ExportName == "many").Witx!.ToString());
    }

    [Fact]
    public void TypesKeepTheCanonicalAbiLayout()
    {
        var derivation = Derive();
        var model = derivation.Model;

        Assert.Equal("A point.", model.FindTypename("point")!.Docs);
        Assert.Equal((WitxTypeForm.Variant, WitxIntRepr.U8), (model.FindTypename("shape")!.Type.Form, model.FindTypename("shape")!.Type.Repr));
        Assert.Equal((WitxTypeForm.Enum, WitxIntRepr.U8), (model.FindTypename("color")!.Type.Form, model.FindTypename("color")!.Type.Repr));
        Assert.Equal((WitxTypeForm.Flags, WitxIntRepr.U8), (model.FindTypename("perms")!.Type.Form, model.FindTypename("perms")!.Type.Repr));
        Assert.Equal(WitxTypeKind.Handle, model.FindTypename("blob")!.Type.Kind);
        Assert.Equal(WitxBuiltinType.U64, model.FindTypename("id")!.Type.Builtin);
        Assert.Equal("id", model.FindTypename("pair")!.Type.Members[0].Type!.Name!.Name);
        Assert.Empty(derivation.Diagnostics);
        var abi = new CanonicalAbi();
        var @interface = Interface(Shapes, "shapes", out _);
        foreach (var definition in @interface.Types.Values.Where(d => d.Kind != TypeDefinitionKind.Resource))
        {
            var layout = abi.Layout(definition)!;
            Assert.Equal((layout.Size, layout.Alignment), (model.FindTypename(definition.Name!)!.Type.Layout.Size, model.FindTypename(definition.Name!)!.Type.Layout.Alignment));
        }
    }

    [Fact]
    public void ResourcesBecomeHandlesWithMethodsConstructorsAndDrops()
    {
        var derivation = Derive();

        Assert.Equal("(@interface func (export \"[constructor]blob\") (param $data (list u8)) (result $ret $blob)", Function(derivation, "[constructor]blob"));
        Assert.Equal("(@interface func (export \"[method]blob.size\") (param $self $blob) (result $ret u64)", Function(derivation, "[method]blob.size"));
        Assert.Equal("(@interface func (export \"[resource-drop]blob\") (param $self $blob)", Function(derivation, "[resource-drop]blob"));
        Assert.Contains(";; resource: own and borrow handles are i32 indices", derivation.Text);
    }

    [Fact]
    public void AWorldImportsLowerAndExportsLift()
    {
        var model = WitResolver.Resolve(new InMemoryFileSystem().Add("/pkg/a.wit", Shapes), "/pkg/a.wit");
        var derivation = WitxDeriver.DeriveWorld(model.Worlds.Single(w => w.Name == "app"));
        WitxDeriverWasiTests.CheckDerivation("app", derivation, 14);

        Assert.Equal(new[] { "exports", "root", "test:pkg/shapes@1.0.0" }, derivation.Model.Modules.Select(m => m.Name).OrderBy(n => n, System.StringComparer.Ordinal));
        var run = derivation.Functions.Single(f => f.ExportName == "run");
        Assert.Equal((AbiVariant.SyncLift, "exports"), (run.Variant, run.ModuleName));
        var handle = derivation.Functions.Single(f => f.ExportName == "handler#handle");
        Assert.Equal("(func (param i32) (result i32))", handle.Witx!.ToString());
        Assert.Equal("(@interface func (export \"handler#handle\") (param $p u32) (result $ret (@witx pointer (list u8)))", Function(derivation, "handler#handle"));
        Assert.Equal("(@interface func (export \"log\") (param $message string)", Function(derivation, "log"));
        Assert.Equal(AbiVariant.SyncLower, derivation.Functions.Single(f => f.ExportName == "log").Variant);
    }

    [Fact]
    public void NamesThatCollideAcrossInterfacesAreQualified()
    {
        const string text = """
            package test:pkg;
            interface a { record error { code: u8 } }
            interface b {
              use a.{error as a-error};
              record error { message: string }
              f: func(x: a-error, y: error);
            }
            """;
        var derivation = Derive(text, "b");

        Assert.Equal(new[] { "a.error", "a-error", "error" }, derivation.Model.Typenames.Select(t => t.Name));
        Assert.Equal("(@interface func (export \"f\") (param $x.code u8) (param $y.message string)", Function(derivation, "f"));
    }

    [Fact]
    public void AsyncStreamsAndFuturesAreWarnedAboutAndPassedAsHandles()
    {
        const string text = """
            package test:pkg;
            interface io {
              read: async func(n: u32) -> stream<u8>;
              wait: func(f: future<string>, e: error-context) -> bool;
            }
            """;
        var derivation = Derive(text, "io");

        Assert.Equal(new[] { "WITX1101", "WITX1101", "WITX1101", "WITX1101" }, derivation.Diagnostics.Select(d => d.Code));
        Assert.All(derivation.Diagnostics, d => Assert.Equal(DiagnosticSeverity.Warning, d.Severity));
        Assert.Contains("is async", derivation.Diagnostics[0].Message);
        Assert.Equal("(@interface func (export \"read\") (param $n u32) (result $ret $stream)", Function(derivation, "read"));
        Assert.Equal("(@interface func (export \"wait\") (param $f $future) (param $e $error-context) (result $ret u8)", Function(derivation, "wait"));
        Assert.Equal(WitxTypeKind.Handle, derivation.Model.FindTypename("stream")!.Type.Kind);
    }

    [Fact]
    public void TuplesFlattenWhileListsOfTuplesStayLists()
    {
        const string text = """
            package test:pkg;
            interface m {
              f: func(v: tuple<u8, u16>, w: list<tuple<string, u32>>) -> tuple<u8, u8, u8>;
            }
            """;
        var derivation = Derive(text, "m");

        Assert.Equal("(@interface func (export \"f\") (param $v.0 u8) (param $v.1 u16) (param $w (list (tuple string u32))) (param $ret (@witx pointer (tuple u8 u8 u8)))",
            Function(derivation, "f"));
    }

    [Fact]
    public void AFunctionWithAnUnresolvedTypeIsLeftOutWithAnError()
    {
        // The type did not resolve, so the function has no Canonical ABI signature to derive from (WITX1103).
        const string text = "package test:pkg;\ninterface m {\n  f: func(x: nope);\n}\n";
        var model = WitResolver.Resolve(new InMemoryFileSystem().Add("/pkg/a.wit", text), "/pkg/a.wit");

        var derivation = WitxDeriver.DeriveInterface(model.Interfaces.Single(i => i.Name == "m"));

        var diagnostic = Assert.Single(derivation.Diagnostics);
        Assert.Equal(("WITX1103", DiagnosticSeverity.Error), (diagnostic.Code, diagnostic.Severity));
        Assert.Equal("function `f` has no Canonical ABI signature: a parameter or result type has no layout", diagnostic.Message);
        Assert.Contains(";; `f` is left out: a parameter or result type has no Canonical ABI layout.", derivation.Text);
    }

    [Fact]
    public void LayoutDifferencesAreNotedOnTheTypename()
    {
        // A variant whose largest payload is less aligned than another: WITX's case-by-case size is 8, the Canonical
        // ABI's 12 (payload at 4, five bytes, rounded to 4).
        const string text = """
            package test:pkg;
            interface l {
              variant v { a(u32), b(tuple<u8, u8, u8, u8, u8>) }
              f: func(x: v);
            }
            """;
        var derivation = Derive(text, "l");

        var diagnostic = Assert.Single(derivation.Diagnostics);
        Assert.Equal(("WITX1102", DiagnosticSeverity.Warning), (diagnostic.Code, diagnostic.Severity));
        Assert.Contains(";; WITX lays this type out in 8 bytes (align 4) where the Canonical ABI uses 12 (align 4)", derivation.Text);
        Assert.Equal("/pkg/a.wit", diagnostic.Document!.Path);
    }

    [Fact]
    public void TheDerivedTextOfASmallInterface()
    {
        const string text = """
            package test:pkg;
            interface tiny {
              enum mode { fast, safe }
              run: func(m: mode, input: list<u8>) -> result<u64, mode>;
            }
            """;
        var derivation = Derive(text, "tiny");

        Assert.EndsWith("""
            (typename $mode
              (enum (@witx tag u8)
                $fast
                $safe
              )
            )

            (module $test:pkg/tiny
              (import "memory" (memory))
              (@interface func (export "run")
                (param $m $mode)
                (param $input (list u8))
                ;; The result (2 core values) goes to memory: the callee writes it where this points.
                (param $ret (@witx pointer (variant (@witx tag u8) (case $ok u64) (case $err $mode))))
              )
            )

            """.Replace("\r\n", "\n"), derivation.Text);
    }
    /// <summary>
    /// Issue 14, finding 6: a fixed-length list derives as a WITX tuple of its length, so a huge one used to be
    /// expanded element by element until memory ran out. Beyond a bound it is refused with WITX1012, and the derivation
    /// is marked failed instead of writing the tuple.
    /// </summary>
    [Theory]
    [InlineData("type t = list<u8, 4294967295>;")]
    [InlineData("type t = list<list<u8, 4096>, 4096>;")]
    public void AHugeFixedLengthListIsRefusedInsteadOfExpanded(string definition)
    {
        var model = WitResolver.Resolve(new InMemoryFileSystem().Add("/pkg/a.wit", $"package a:b;\ninterface i {{\n  {definition}\n  f: func(x: t);\n}}\n"), "/pkg/a.wit");
        var derivation = WitxDeriver.DeriveInterface(model.Interfaces.Single(i => i.Name == "i"));

        Assert.Contains(derivation.Diagnostics, d => d.Code == "WITX1012" && d.Message.Contains("fixed-length list", System.StringComparison.Ordinal));
        Assert.True(derivation.Text.Length < 10_000, $"the derivation is {derivation.Text.Length} characters long");
    }
}
