using System;
using System.Linq;
using Wit.Runtime.Binary;
using Wit.Runtime.Validation;
using Xunit;

namespace Wit.Runtime.Tests;

public sealed class DecoderTests
{
    private static readonly byte[] Header = { 0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00 };

    private static byte[] Module(params byte[] sections) => Header.Concat(sections).ToArray();

    [Fact]
    public void Bad_magic_is_malformed_at_offset_zero()
    {
        var e = Assert.Throws<WasmException>(() => ModuleDecoder.Decode(new byte[] { 0, 0x61, 0x73, 0x6E, 1, 0, 0, 0 }));
        Assert.Equal(WasmErrorKind.Malformed, e.Kind);
        Assert.Equal(0, e.Offset);
        Assert.Equal("magic header not detected", e.Reason);
    }

    [Fact]
    public void A_section_longer_than_the_input_is_reported_at_its_size_field()
    {
        // Type section (id 1) claiming 100 bytes, with 1 left.
        var e = Assert.Throws<WasmException>(() => ModuleDecoder.Decode(Module(0x01, 0x64, 0x00)));
        Assert.Equal(WasmErrorKind.Malformed, e.Kind);
        Assert.Equal(9, e.Offset);
        Assert.Equal("length out of bounds", e.Reason);
    }

    [Fact]
    public void A_vector_count_larger_than_the_bytes_left_fails_before_allocating()
    {
        // Type section of 5 bytes whose count says 2^32-1 types.
        var e = Assert.Throws<WasmException>(() => ModuleDecoder.Decode(Module(0x01, 0x05, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F)));
        Assert.Equal(WasmErrorKind.Malformed, e.Kind);
        Assert.Equal(10, e.Offset);
    }

    [Fact]
    public void A_simd_instruction_is_unsupported_naming_the_opcode_and_its_offset()
    {
        var bytes = Wat.Compile("(module (func (result i32) (i32x4.extract_lane 0 (v128.const i32x4 1 2 3 4))))");
        var module = ModuleDecoder.Decode(bytes);
        var e = Assert.Throws<WasmException>(() => ModuleValidator.Validate(module));
        Assert.Equal(WasmErrorKind.Unsupported, e.Kind);
        Assert.Contains("0xfd", e.Reason);
        Assert.Equal(0xFD, bytes[e.Offset]);
    }

    [Fact]
    public void A_v128_value_type_is_unsupported()
    {
        var bytes = Wat.Compile("(module (func (param v128)))");
        var e = Assert.Throws<WasmException>(() => ModuleDecoder.Decode(bytes));
        Assert.Equal(WasmErrorKind.Unsupported, e.Kind);
        Assert.Equal(0x7B, bytes[e.Offset]);
    }

    [Fact]
    public void Custom_sections_are_kept_and_the_name_section_decoded()
    {
        var module = Wat.Module("(module $m (func $first (param $x i32)) (func $second))");
        Assert.Contains(module.CustomSections, c => c.Name == "name");
        Assert.NotNull(module.Names);
        Assert.Equal("m", module.Names!.ModuleName);
        Assert.Equal("first", module.FunctionName(0));
        Assert.Equal("second", module.FunctionName(1));
        Assert.Equal("x", module.Names.LocalNames[0][0]);
    }

    [Fact]
    public void A_malformed_name_section_is_ignored()
    {
        // A custom section "name" whose function-names subsection claims more bytes than it has.
        var module = ModuleDecoder.Decode(Module(0x00, 0x08, 0x04, (byte)'n', (byte)'a', (byte)'m', (byte)'e', 0x01, 0x7F, 0x00));
        Assert.Single(module.CustomSections);
        Assert.Null(module.Names);
    }

    [Fact]
    public void Nesting_deeper_than_the_bound_is_rejected_without_recursion()
    {
        int depth = ModuleValidator.MaxNesting + 10;
        var body = new System.Collections.Generic.List<byte> { 0x00 }; // no locals
        for (int i = 0; i < depth; i++)
        {
            body.Add(0x02);
            body.Add(0x40);
        }
        for (int i = 0; i <= depth; i++)
        {
            body.Add(0x0B);
        }
        var code = new System.Collections.Generic.List<byte> { 0x01 };
        code.AddRange(Leb(body.Count));
        code.AddRange(body);
        var bytes = Module(new byte[] { 0x01, 0x04, 0x01, 0x60, 0x00, 0x00, 0x03, 0x02, 0x01, 0x00, 0x0A }.Concat(Leb(code.Count)).Concat(code).ToArray());
        var module = ModuleDecoder.Decode(bytes);
        var e = Assert.Throws<WasmException>(() => ModuleValidator.Validate(module));
        Assert.Equal(WasmErrorKind.Unsupported, e.Kind);
        Assert.Contains("nested", e.Reason);
    }

    [Fact]
    public void Multi_memory_is_on_by_default_and_off_for_wasm2()
    {
        var bytes = Wat.Compile("(module (memory 1) (memory 1))");
        ModuleValidator.Validate(ModuleDecoder.Decode(bytes));
        var e = Assert.Throws<WasmException>(() => ModuleValidator.Validate(ModuleDecoder.Decode(bytes, WasmFeatures.Wasm2)));
        Assert.Equal("multiple memories", e.Reason);
    }

    internal static byte[] Leb(int value)
    {
        var bytes = new System.Collections.Generic.List<byte>();
        uint v = (uint)value;
        do
        {
            byte b = (byte)(v & 0x7F);
            v >>= 7;
            bytes.Add(v != 0 ? (byte)(b | 0x80) : b);
        }
        while (v != 0);
        return bytes.ToArray();
    }
}
