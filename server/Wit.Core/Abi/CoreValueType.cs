namespace Wit.Core.Abi;

/// <summary>The four core WebAssembly value types the Canonical ABI flattens to.</summary>
public enum CoreValueType
{
    I32,
    I64,
    F32,
    F64,
}
