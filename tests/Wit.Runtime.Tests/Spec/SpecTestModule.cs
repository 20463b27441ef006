using System;
using System.Collections.Generic;
using Wit.Runtime.Binary;
using Wit.Runtime.Execution;

namespace Wit.Runtime.Tests.Spec;

/// <summary>The <c>spectest</c> host module, as the reference interpreter defines it (<c>interpreter/host/spectest.ml</c>).</summary>
internal static class SpecTestModule
{
    public static Dictionary<string, ExternValue> Create()
    {
        static HostFunction Print(params ValType[] ps) =>
            new(new FuncType(ps, Array.Empty<ValType>()), static (_, _, _) => { });
        return new Dictionary<string, ExternValue>(StringComparer.Ordinal)
        {
            ["print"] = Print(),
            ["print_i32"] = Print(ValType.I32),
            ["print_i64"] = Print(ValType.I64),
            ["print_f32"] = Print(ValType.F32),
            ["print_f64"] = Print(ValType.F64),
            ["print_i32_f32"] = Print(ValType.I32, ValType.F32),
            ["print_f64_f64"] = Print(ValType.F64, ValType.F64),
            ["global_i32"] = new GlobalInstance(new GlobalType(ValType.I32, false), 666),
            ["global_i64"] = new GlobalInstance(new GlobalType(ValType.I64, false), 666),
            ["global_f32"] = new GlobalInstance(new GlobalType(ValType.F32, false), BitConverter.SingleToUInt32Bits(666.6f)),
            ["global_f64"] = new GlobalInstance(new GlobalType(ValType.F64, false), BitConverter.DoubleToUInt64Bits(666.6)),
            ["table"] = new TableInstance(new TableType(ValType.FuncRef, new Limits(10, 20))),
            ["memory"] = new MemoryInstance(new MemoryType(new Limits(1, 2))),
        };
    }
}
