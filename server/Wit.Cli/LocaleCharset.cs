using System;

namespace Wit.Cli;

/// <summary>
/// Whether the locale's environment names UTF-8 or no character set, as .NET reads it on Unix to choose the
/// terminal's encoding: the first of <c>LC_ALL</c>, <c>LC_MESSAGES</c> and <c>LANG</c> that is set (and not blank)
/// gives it after a dot (<c>en_US.UTF-8@euro</c>), and none means UTF-8. Asking .NET itself looks the name up in its
/// table of encodings, which it builds on first use: a fiftieth of a cold <c>wit check</c>. Anything else (another
/// character set, a spelling this does not know) is left to .NET.
/// </summary>
public static class LocaleCharset
{
    /// <summary>True when the locale given by these variables' values means UTF-8 for certain.</summary>
    public static bool IsUtf8(string? lcAll, string? lcMessages, string? lang)
    {
        string? locale = !string.IsNullOrWhiteSpace(lcAll) ? lcAll : !string.IsNullOrWhiteSpace(lcMessages) ? lcMessages : lang;
        if (string.IsNullOrWhiteSpace(locale)) return true;
        int dot = locale.IndexOf('.');
        if (dot < 0) return true;
        string charset = locale.Substring(dot + 1);
        int at = charset.IndexOf('@');
        if (at >= 0) charset = charset.Substring(0, at);
        return charset.Equals("UTF-8", StringComparison.OrdinalIgnoreCase) || charset.Equals("UTF8", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// <see cref="IsUtf8(string?, string?, string?)"/> of this process's environment; false on Windows, whose console
    /// has a code page of its own.
    /// </summary>
    public static bool IsUtf8() => !OperatingSystem.IsWindows() && IsUtf8(
        Environment.GetEnvironmentVariable("LC_ALL"), Environment.GetEnvironmentVariable("LC_MESSAGES"), Environment.GetEnvironmentVariable("LANG"));
}
