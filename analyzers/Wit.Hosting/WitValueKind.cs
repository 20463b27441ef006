namespace Wit.Hosting;

/// <summary>The WIT types a <see cref="WitValue"/> carries: all but futures, streams and error contexts.</summary>
public enum WitValueKind
{
    /// <summary><c>bool</c></summary>
    Bool,
    /// <summary><c>s8</c></summary>
    S8,
    /// <summary><c>u8</c></summary>
    U8,
    /// <summary><c>s16</c></summary>
    S16,
    /// <summary><c>u16</c></summary>
    U16,
    /// <summary><c>s32</c></summary>
    S32,
    /// <summary><c>u32</c></summary>
    U32,
    /// <summary><c>s64</c></summary>
    S64,
    /// <summary><c>u64</c></summary>
    U64,
    /// <summary><c>f32</c></summary>
    F32,
    /// <summary><c>f64</c></summary>
    F64,
    /// <summary><c>char</c></summary>
    Char,
    /// <summary><c>string</c></summary>
    String,
    /// <summary><c>list&lt;T&gt;</c> (and <c>list&lt;T, N&gt;</c>)</summary>
    List,
    /// <summary><c>tuple&lt;...&gt;</c></summary>
    Tuple,
    /// <summary><c>record</c></summary>
    Record,
    /// <summary><c>variant</c></summary>
    Variant,
    /// <summary><c>enum</c></summary>
    Enum,
    /// <summary><c>option&lt;T&gt;</c></summary>
    Option,
    /// <summary><c>result&lt;T, E&gt;</c></summary>
    Result,
    /// <summary><c>flags</c></summary>
    Flags,
    /// <summary><c>own&lt;r&gt;</c> or <c>borrow&lt;r&gt;</c>: a host object, or a component's resource (<see cref="WitComponentResource"/>)</summary>
    Resource,
    /// <summary><c>map&lt;K, V&gt;</c></summary>
    Map,
}
