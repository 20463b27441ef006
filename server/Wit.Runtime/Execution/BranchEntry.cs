namespace Wit.Runtime.Execution;

/// <summary>
/// One entry of a function's branch side table, built by the validator. Branching instructions (br, br_if, br_table,
/// if, else) consume entries in the order they appear in the body, so the interpreter keeps a side-table pointer next to
/// its program counter and jumps without scanning: to <see cref="TargetPc"/> (a byte offset in the module) with the side
/// table pointer set to <see cref="TargetStp"/>, keeping the top <see cref="Keep"/> operands and placing them at
/// operand height <see cref="Height"/> (relative to the frame's operand base).
/// </summary>
internal struct BranchEntry
{
    public int TargetPc;
    public int TargetStp;
    public int Height;
    public int Keep;
}
