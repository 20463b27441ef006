namespace Wit.Core.Witx.Semantics;

/// <summary>What a record stands for, which decides its layout and how functions pass it.</summary>
public enum WitxRecordKind
{
    /// <summary>A <c>record</c>: fields laid out in order, passed by address.</summary>
    Other,

    /// <summary>A <c>tuple</c>: a record whose fields are named <c>0</c>, <c>1</c>, ...</summary>
    Tuple,

    /// <summary><c>flags</c>: a record of <c>bool</c>s stored as the bits of one integer.</summary>
    Bitflags,
}
