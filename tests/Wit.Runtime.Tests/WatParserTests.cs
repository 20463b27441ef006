using System;
using System.Linq;
using System.Text;
using Wit.Runtime.Binary;
using Wit.Runtime.Execution;
using Wit.Runtime.Text;
using Wit.Runtime.Validation;
using Xunit;

namespace Wit.Runtime.Tests;

/// <summary>
/// <see cref="WatParser"/> on its own: what it encodes, how it reports malformed text, and its bounds. (The spec suite
/// covers the breadth: <c>SpecTextTests</c> and the text <c>assert_malformed</c> commands of <c>SpecTests</c>.)
/// </summary>
public sealed class WatParserTests
{
    private static WasmValue[] Run(string wat, string export, params WasmValue[] args)
    {
        var module = ModuleDecoder.Decode(WatParser.ParseModule(wat));
        ModuleValidator.Validate(module);
        var store = new Store();
        var instance = store.Instantiate(module, _ => null);
        return store.Invoke(instance.ExportedFunction(export)!, args);
    }

    private static WatSyntaxException Malformed(string wat) => Assert.Throws<WatSyntaxException>(() => WatParser.ParseModule(wat));

    [Fact]
    public void Folded_and_flat_instructions_with_names_run()
    {
        const string wat = @"(module
          (type $binary (func (param i64 i64) (result i64)))
          (func $mul (type $binary) (i64.mul (local.get 0) (local.get 1)))
          (func (export ""fac"") (param $n i64) (result i64) (local $acc i64)
            i64.const 1
            local.set $acc
            block $done
              loop $again
                (br_if $done (i64.le_u (local.get $n) (i64.const 1)))
                (local.set $acc (call $mul (local.get $acc) (local.get $n)))
                local.get $n
                i64.const 1
                i64.sub
                local.set $n
                br $again
              end $again
            end
            (if (result i64) (i64.eqz (local.get $acc)) (then (i64.const -1)) (else (local.get $acc)))))";
        Assert.Equal(3_628_800UL, Run(wat, "fac", WasmValue.I64(10))[0].Bits);
    }

    [Fact]
    public void Inline_data_exports_and_imports_expand_like_their_long_forms()
    {
        const string wat = @"(module
          (memory (export ""mem"") (data ""\01\02"" ""\u{41}""))
          (table $t funcref (elem $f $g))
          (func $f (result i32) (i32.load8_u offset=2 (i32.const 0)))
          (func $g (result i32) (i32.const 7))
          (func (export ""pick"") (param i32) (result i32) (call_indirect $t (result i32) (local.get 0))))";
        Assert.Equal(0x41UL, Run(wat, "pick", WasmValue.I32(0))[0].Bits);
        Assert.Equal(7UL, Run(wat, "pick", WasmValue.I32(1))[0].Bits);
        var module = ModuleDecoder.Decode(WatParser.ParseModule(wat));
        Assert.Single(module.Memories);
        Assert.Single(module.Exports, e => e.Name == "mem");
    }

    [Theory]
    [InlineData("f32", "0x1p-149", 0x0000_0001UL)]
    [InlineData("f32", "0x1p-150", 0UL)] // a tie with zero: to even
    [InlineData("f32", "0x1.8p-149", 0x0000_0002UL)] // 1.5 ulp: to even
    [InlineData("f32", "0x1.fffffep127", 0x7F7F_FFFFUL)]
    [InlineData("f32", "0x1.fffffefffp127", 0x7F7F_FFFFUL)] // just under the halfway point to 2^128
    [InlineData("f32", "-0x1.000001p0", 0xBF80_0000UL)] // a tie: to even
    [InlineData("f32", "0x1.000003p0", 0x3F80_0002UL)] // over halfway: up
    [InlineData("f32", "nan:0x20_0000", 0x7FA0_0000UL)]
    [InlineData("f32", "-nan", 0xFFC0_0000UL)]
    [InlineData("f32", "-inf", 0xFF80_0000UL)]
    [InlineData("f32", "1_000.5", 0x447A_2000UL)]
    [InlineData("f32", "1e-46", 0UL)]
    [InlineData("f64", "0x1p-1074", 1UL)]
    [InlineData("f64", "0x0.8p-1073", 1UL)]
    [InlineData("f64", "0x1P+1_0", 0x4090_0000_0000_0000UL)]
    [InlineData("f64", "nan:0xf_ffff_ffff_ffff", 0x7FFF_FFFF_FFFF_FFFFUL)]
    [InlineData("f64", "1.7976931348623157e308", 0x7FEF_FFFF_FFFF_FFFFUL)]
    public void Float_literals_round_to_nearest_even(string type, string literal, ulong bits)
    {
        var result = Run($"(func (export \"f\") (result {type}) ({type}.const {literal}))", "f");
        Assert.Equal(bits, result[0].Bits);
    }

    [Theory]
    [InlineData("(func (result f32) (f32.const 0x1p128))")]
    [InlineData("(func (result f32) (f32.const 0x1.ffffffp127))")] // rounds up to 2^128
    [InlineData("(func (result f64) (f64.const 1e309))")]
    [InlineData("(func (result f32) (f32.const nan:0x80_0000))")]
    [InlineData("(func (result i32) (i32.const 4294967296))")]
    [InlineData("(func (result i32) (i32.const -2147483649))")]
    [InlineData("(func (result i64) (i64.const 18446744073709551616))")]
    [InlineData("(memory 1) (func (drop (i32.load offset=4294967296 (i32.const 0))))")]
    public void Literals_out_of_range_are_malformed(string wat) =>
        Assert.Equal("constant out of range", Malformed(wat).Reason);

    [Theory]
    [InlineData("(module\n  (func\n    (i32.add2)))", 3, 6, "unknown operator")]
    [InlineData("(func (block $a (br $b)))", 1, 21, "unknown label")]
    [InlineData("(func block $a end $b)", 1, 20, "mismatching label")]
    [InlineData("(func $f) (func $f)", 1, 17, "duplicate func")]
    [InlineData("(func) (import \"m\" \"f\" (func))", 1, 8, "import after function")]
    [InlineData("(memory 1) (func (drop (i32.load align=3 (i32.const 0))))", 1, 34, "alignment")]
    [InlineData("(func (param $x i32) (local $x i32))", 1, 29, "duplicate local")]
    [InlineData("(type (func)) (func (type 0) (param i32))", 1, 30, "inline function type")]
    [InlineData("(func (export \"\\ff\"))", 1, 15, "malformed UTF-8 encoding")]
    [InlineData("(start 0) (start 0)", 1, 11, "multiple start sections")]
    [InlineData("(func (i32.const 1) \"abc)", 1, 21, "unclosed string")]
    [InlineData("(func (; never closed", 1, 7, "unclosed block comment")]
    [InlineData("(func", 1, 1, "unclosed parenthesis")]
    [InlineData("(func))", 1, 7, "unexpected token")]
    [InlineData("(func nop\"a\")", 1, 10, "unknown operator")] // tokens need white space or a parenthesis between them
    [InlineData("(func (f64.const 0x.8p0))", 1, 18, "unknown operator")]
    public void Malformed_text_is_reported_at_its_line_and_column(string wat, int line, int column, string reason)
    {
        var e = Malformed(wat);
        Assert.Equal((line, column, reason), (e.Line, e.Column, e.Reason));
        Assert.Equal(WasmErrorKind.Malformed, e.Kind);
        Assert.StartsWith($"{line}:{column}: ", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Columns_count_code_points_not_bytes()
    {
        var e = Malformed(";; é ü\n(func \"é\" nop x)");
        Assert.Equal((2, 7), (e.Line, e.Column));
    }

    [Fact]
    public void Nesting_is_bounded_and_deep_but_allowed_nesting_parses()
    {
        int allowed = SExprReader.MaxNesting - 3; // module, func and the innermost nop take three levels
        string deep = "(module (func " + string.Concat(Enumerable.Repeat("(block ", allowed)) + "(nop)"
            + new string(')', allowed) + "))";
        var module = ModuleDecoder.Decode(WatParser.ParseModule(deep));
        ModuleValidator.Validate(module);
        string tooDeep = string.Concat(Enumerable.Repeat("(", SExprReader.MaxNesting + 1)) + new string(')', SExprReader.MaxNesting + 1);
        Assert.Equal("nesting too deep", Malformed(tooDeep).Reason);
    }

    [Fact]
    public void Module_binary_and_quote_give_the_bytes_they_hold()
    {
        byte[] empty = { 0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00 };
        Assert.Equal(empty, WatParser.ParseModule("(module $m binary \"\\00asm\" \"\\01\\00\\00\\00\")"));
        Assert.Equal(WatParser.ParseModule("(module (func (export \"f\")))"), WatParser.ParseModule("(module quote \"(func (export \\\"f\\\"))\")"));
        Assert.Equal("unexpected token", Malformed("(module quote \"(module quote)\")").Reason);
    }

    [Fact]
    public void Invalid_utf8_source_is_malformed()
    {
        var bytes = Encoding.UTF8.GetBytes("(module)\n;; \xff").Concat(new byte[] { 0xC3 }).ToArray();
        var e = Assert.Throws<WatSyntaxException>(() => WatParser.ParseModule(bytes));
        Assert.Equal("malformed UTF-8 encoding", e.Reason);
        Assert.Equal(2, e.Line);
    }
}
