namespace Wit.Core.Wit;

/// <summary>Checks version text against Semantic Versioning 2.0.0.</summary>
internal static class SemVer
{
    /// <summary>A short description of what is wrong with <paramref name="text"/>, or null when it is a valid version.</summary>
    public static string? Problem(string text)
    {
        string core = text;
        string? build = null;
        string? pre = null;
        int plus = core.IndexOf('+');
        if (plus >= 0)
        {
            build = core.Substring(plus + 1);
            core = core.Substring(0, plus);
        }

        int minus = core.IndexOf('-');
        if (minus >= 0)
        {
            pre = core.Substring(minus + 1);
            core = core.Substring(0, minus);
        }

        var numbers = core.Split('.');
        if (numbers.Length != 3) return "expected major.minor.patch";
        foreach (var number in numbers)
        {
            if (number.Length == 0 || !AllDigits(number)) return "version numbers must be digits";
            if (number.Length > 1 && number[0] == '0') return "version numbers must not have leading zeros";
        }

        if (pre is not null)
        {
            foreach (var part in pre.Split('.'))
            {
                if (part.Length == 0) return "empty pre-release identifier";
                if (!AllIdentifierChars(part)) return "invalid character in pre-release identifier";
                if (AllDigits(part) && part.Length > 1 && part[0] == '0') return "numeric pre-release identifiers must not have leading zeros";
            }
        }

        if (build is not null)
        {
            foreach (var part in build.Split('.'))
            {
                if (part.Length == 0) return "empty build metadata identifier";
                if (!AllIdentifierChars(part)) return "invalid character in build metadata";
            }
        }

        return null;
    }

    private static bool AllDigits(string s)
    {
        foreach (char c in s)
        {
            if (c < '0' || c > '9') return false;
        }

        return true;
    }

    private static bool AllIdentifierChars(string s)
    {
        foreach (char c in s)
        {
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '-')) return false;
        }

        return true;
    }
}
