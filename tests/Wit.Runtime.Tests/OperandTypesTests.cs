using System;
using System.Linq;
using Wit.Runtime.Binary;
using Wit.Runtime.Validation;
using Xunit;

namespace Wit.Runtime.Tests;

/// <summary>The operand stack's types at a pc, which the interpreter does not keep (its slots are untyped), for a debugger.</summary>
public sealed class OperandTypesTests
{
    // i32.const 1 (2 bytes), i64.const 2 (2), f32.const 3 (5), then drop drop drop, then unreachable and i32.add.
    private const string Module = @"(module
        (func (param i32) (result i32)
          i32.const 1 i64.const 2 f32.const 3 drop drop drop
          unreachable i32.add))";

    [Fact]
    public void Types_before_each_instruction_follow_the_validator()
    {
        var m = Wat.Module(Module);
        ModuleValidator.Validate(m);
        var body = m.Bodies[0];
        int start = body.CodeStart;
        Assert.Empty(ModuleValidator.OperandTypesAt(m, body, start)!);
        Assert.Equal(new[] { ValType.I32 }, ModuleValidator.OperandTypesAt(m, body, start + 2));
        Assert.Equal(new[] { ValType.I32, ValType.I64 }, ModuleValidator.OperandTypesAt(m, body, start + 4));
        Assert.Equal(new[] { ValType.I32, ValType.I64, ValType.F32 }, ModuleValidator.OperandTypesAt(m, body, start + 9));
        // After unreachable the stack is polymorphic: i32.add pushes an i32 over nothing known.
        int end = body.CodeEnd - 1;
        Assert.Equal(new[] { ValType.I32 }, ModuleValidator.OperandTypesAt(m, body, end));
        // Inside an instruction's immediates: no instruction starts there.
        Assert.Null(ModuleValidator.OperandTypesAt(m, body, start + 1));
        // The query leaves the validator's results (the side table) alone.
        Assert.True(m.IsValidated);
    }

    [Fact]
    public void A_module_not_validated_is_a_usage_error()
    {
        var m = Wat.Module(Module);
        var e = Assert.Throws<WasmException>(() => ModuleValidator.OperandTypesAt(m, m.Bodies[0], m.Bodies[0].CodeStart));
        Assert.Equal(WasmErrorKind.Usage, e.Kind);
    }
}
