namespace Wit.Core.Semantics;

public enum FunctionKind
{
    Freestanding,
    Method,
    Static,
    Constructor,
    AsyncFreestanding,
    AsyncMethod,
    AsyncStatic,
}
