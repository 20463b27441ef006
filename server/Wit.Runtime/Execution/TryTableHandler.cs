namespace Wit.Runtime.Execution;

/// <summary>
/// One <c>try_table</c> of a function body, built by the validator: the byte range of its body (after its immediates,
/// up to its <c>end</c>), and its catch clauses in order. The clauses' branches are side-table entries from
/// <see cref="FirstEntry"/> on, one per clause (the interpreter steps over them when it enters the block). A throw
/// searches the spans that contain its pc, innermost first; spans nest, so a later span that contains the pc lies
/// inside an earlier one.
/// </summary>
internal sealed class TryTableHandler
{
    public required int Start { get; init; }
    public int End { get; set; }
    public required int FirstEntry { get; init; }
    /// <summary>Each clause's tag index in the module, or -1 for <c>catch_all</c> and <c>catch_all_ref</c>.</summary>
    public required int[] Tags { get; init; }
    /// <summary>Whether each clause also pushes the exnref (<c>catch_ref</c>, <c>catch_all_ref</c>).</summary>
    public required bool[] WithRef { get; init; }
}
