namespace Wit.DebugAdapter.Wasm;

/// <summary>One decoded instruction: its byte offset in the module, its length, its text (WAT-like) and its block depth.</summary>
internal sealed record Instruction(int Offset, int Length, string Text, int Depth);
