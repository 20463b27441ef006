using Wit.Runtime.Binary;

namespace Wit.Runtime.Text;

/// <summary>What every part of the text parser shares: the source (for line and column) and small token readers.</summary>
internal sealed class WatContext
{
    private readonly byte[] _source;

    public WatContext(byte[] source) => _source = source;

    public WatSyntaxException Error(SExpr at, string reason) => SExprReader.Error(_source, at.Offset, reason);

    /// <summary>A u32 literal (an index, a limit, an alignment).</summary>
    public uint U32(SExpr atom)
    {
        if (!atom.IsAtom || atom.Text[0] is < '0' or > '9')
        {
            throw Error(atom, "unexpected token");
        }
        return WatNumbers.ParseUnsigned(atom.Text, out ulong v) switch
        {
            NumberStatus.Ok when v <= uint.MaxValue => (uint)v,
            NumberStatus.NotANumber => throw Error(atom, "unexpected token"),
            _ => throw Error(atom, "constant out of range"),
        };
    }

    /// <summary>Whether <paramref name="n"/> can be an index: an <c>$id</c> or an unsigned literal.</summary>
    public static bool IsIndex(SExpr n) => n.IsAtom && (n.IsId || n.Text[0] is >= '0' and <= '9');

    public ValType ValType(SExpr n) => n.IsAtom ? n.Text switch
    {
        "i32" => Binary.ValType.I32,
        "i64" => Binary.ValType.I64,
        "f32" => Binary.ValType.F32,
        "f64" => Binary.ValType.F64,
        "v128" => Binary.ValType.V128,
        "funcref" => Binary.ValType.FuncRef,
        "externref" => Binary.ValType.ExternRef,
        _ => throw Error(n, "unexpected token"),
    } : throw Error(n, "unexpected token");

    public ValType RefType(SExpr n)
    {
        var t = ValType(n);
        return t is Binary.ValType.FuncRef or Binary.ValType.ExternRef ? t : throw Error(n, "unexpected token");
    }

    /// <summary>A name or data string.</summary>
    public byte[] String(SExpr n) => n.Kind == SExprKind.String ? n.Bytes! : throw Error(n, "unexpected token");

    /// <summary>An import or export name: a string that must be valid UTF-8.</summary>
    public byte[] Name(SExpr n)
    {
        var bytes = String(n);
        return System.Text.Unicode.Utf8.IsValid(bytes) ? bytes : throw Error(n, "malformed UTF-8 encoding");
    }
}
