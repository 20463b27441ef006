namespace Wit.Runtime.Component;

/// <summary>The measured boundary cost of one exported or imported function (see <see cref="CallCost"/>).</summary>
public sealed record LiveFunctionCost(string Name, long Calls, long ReallocCalls, long ReallocBytes, long BytesCopied);
