namespace Wit.Runtime.Canonical;

/// <summary>Which of the Canonical ABI's traps (<c>trap_if</c> in the spec's definitions.py) stopped a lift, lower or built-in.</summary>
public enum CanonicalTrap
{
    /// <summary>A pointer and length reach past the end of the memory.</summary>
    OutOfBounds,
    /// <summary>A pointer is not a multiple of its type's alignment.</summary>
    Misaligned,
    /// <summary>A <c>char</c> is a surrogate or beyond U+10FFFF.</summary>
    InvalidChar,
    /// <summary>A variant's case index is not one of its cases.</summary>
    InvalidDiscriminant,
    /// <summary>String bytes are not valid in the string encoding.</summary>
    InvalidString,
    /// <summary>A string is longer than 2^28 - 1 bytes.</summary>
    StringTooLong,
    /// <summary>A list is longer than 2^28 - 1 bytes.</summary>
    ListTooLong,
    /// <summary>A handle index names no entry of the instance's table.</summary>
    InvalidHandle,
    /// <summary>A handle is of another resource type than the one expected.</summary>
    ResourceTypeMismatch,
    /// <summary>An owned handle is moved or dropped while it is lent to a call (its lend count is not zero).</summary>
    HandleLent,
    /// <summary>A borrowed handle was given where an owned one is required.</summary>
    NotOwned,
    /// <summary>A call returns while handles it borrowed are still in its table: a borrow would outlive its call.</summary>
    BorrowsOutstanding,
    /// <summary>The handle table already holds 2^28 - 1 entries.</summary>
    TableFull,
    /// <summary>The instance may not leave (it is inside realloc or post-return) and called out.</summary>
    CannotLeave,
    /// <summary>A lifted function was called while its instance is already running one (recursive entry).</summary>
    CannotEnter,
    /// <summary>A lifted function was called after its instance trapped (the component model's lockdown).</summary>
    LockedDown,
    /// <summary>A task returned twice.</summary>
    AlreadyReturned,
}
