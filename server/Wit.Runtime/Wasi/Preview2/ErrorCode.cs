using System;
using System.IO;

namespace Wit.Runtime.Wasi.Preview2;

/// <summary><c>wasi:filesystem/types.error-code</c>, in the WIT's case order (the value is the case index).</summary>
internal enum ErrorCode : uint
{
    Access,
    WouldBlock,
    Already,
    BadDescriptor,
    Busy,
    Deadlock,
    Quota,
    Exist,
    FileTooLarge,
    IllegalByteSequence,
    InProgress,
    Interrupted,
    Invalid,
    Io,
    IsDirectory,
    Loop,
    TooManyLinks,
    MessageSize,
    NameTooLong,
    NoDevice,
    NoEntry,
    NoLock,
    InsufficientMemory,
    InsufficientSpace,
    NotDirectory,
    NotEmpty,
    NotRecoverable,
    Unsupported,
    NoTty,
    NoSuchDevice,
    Overflow,
    NotPermitted,
    Pipe,
    ReadOnly,
    InvalidSeek,
    TextFileBusy,
    CrossDevice,
}

internal static class ErrorCodes
{
    public static ErrorCode FromRefusal(SandboxRefusal refusal) => refusal switch
    {
        SandboxRefusal.Escape => ErrorCode.NotPermitted,
        SandboxRefusal.NoEntry => ErrorCode.NoEntry,
        SandboxRefusal.NotDirectory => ErrorCode.NotDirectory,
        SandboxRefusal.Loop => ErrorCode.Loop,
        SandboxRefusal.NameTooLong => ErrorCode.NameTooLong,
        _ => ErrorCode.Invalid,
    };

    /// <summary>
    /// The code of a host failure. On Linux .NET's <see cref="IOException"/> carries the errno as its HResult, which
    /// names the code; elsewhere an unclassified failure is <c>io</c>.
    /// </summary>
    public static ErrorCode FromException(Exception e) => e switch
    {
        FileNotFoundException or DirectoryNotFoundException => ErrorCode.NoEntry,
        PathTooLongException => ErrorCode.NameTooLong,
        UnauthorizedAccessException { InnerException: IOException inner } => FromErrno(inner.HResult) ?? ErrorCode.Access,
        UnauthorizedAccessException => ErrorCode.Access,
        IOException io => FromErrno(io.HResult) ?? ErrorCode.Io,
        _ => ErrorCode.Io,
    };

    private static ErrorCode? FromErrno(int errno) => !OperatingSystem.IsLinux() ? null : errno switch
    {
        1 => ErrorCode.NotPermitted,
        2 => ErrorCode.NoEntry,
        9 => ErrorCode.BadDescriptor,
        13 => ErrorCode.Access,
        16 => ErrorCode.Busy,
        17 => ErrorCode.Exist,
        18 => ErrorCode.CrossDevice,
        20 => ErrorCode.NotDirectory,
        21 => ErrorCode.IsDirectory,
        22 => ErrorCode.Invalid,
        27 => ErrorCode.FileTooLarge,
        28 => ErrorCode.InsufficientSpace,
        30 => ErrorCode.ReadOnly,
        36 => ErrorCode.NameTooLong,
        39 => ErrorCode.NotEmpty,
        40 => ErrorCode.Loop,
        _ => null,
    };
}
