using System.Linq;
using Wit.DebugAdapter.Wasm;
using Wit.Runtime.Binary;
using Xunit;

namespace Wit.DebugAdapter.Tests;

/// <summary>The disassembly view of exception handling's instructions (the engine runs them, so the debugger shows them).</summary>
public sealed class ExceptionDisassemblyTests
{
    private const string Module = @"(module
      (tag $e (param i32))
      (func (param exnref) (result i32)
        (block $h (result i32 exnref)
          (try_table (result i32) (catch $e 1) (catch_ref $e 0) (catch_all 1) (catch_all_ref 2)
            (throw $e (i32.const 1)))
          (return))
        (drop)
        (throw_ref (local.get 0))))";

    [Fact]
    public void Try_table_throw_and_throw_ref_disassemble_with_their_clauses_and_nesting()
    {
        var parsed = ComponentText.Parse(new[] { Module }).Single();
        var module = ModuleDecoder.Decode(parsed.Wasm ?? throw new Xunit.Sdk.XunitException(parsed.Error));
        var lines = Disassembler.Decode(module, module.Bodies[0]);
        Assert.DoesNotContain(lines, l => l.Text.StartsWith(";; cannot decode", System.StringComparison.Ordinal));
        var tryTable = Assert.Single(lines, l => l.Text.StartsWith("try_table", System.StringComparison.Ordinal));
        Assert.Equal("try_table (result i32) (catch 0 1) (catch_ref 0 0) (catch_all 1) (catch_all_ref 2)", tryTable.Text);
        var throwLine = Assert.Single(lines, l => l.Text == "throw 0");
        Assert.Equal(tryTable.Depth + 1, throwLine.Depth);
        Assert.Contains(lines, l => l.Text == "throw_ref");
    }
}
