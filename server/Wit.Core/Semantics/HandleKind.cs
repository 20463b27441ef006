namespace Wit.Core.Semantics;

public enum HandleKind
{
    Own,
    Borrow,
}
