using System.Text;

namespace Wit.Ide.CodeActions;

/// <summary>Turns <c>myName</c>, <c>my_name</c>, <c>MyName</c> or <c>HTTPServer</c> into WIT's kebab-case.</summary>
internal static class KebabCase
{
    /// <summary>The kebab-case spelling, or null when there is none (a word would start with a digit, nothing is left).</summary>
    public static string? Convert(string name)
    {
        var builder = new StringBuilder();
        for (int i = 0; i < name.Length; i++)
        {
            char c = name[i];
            if (c is '_' or '-' or ' ' or '.')
            {
                Dash(builder);
                continue;
            }

            if (!(c < 0x80 && char.IsLetterOrDigit(c))) return null;
            if (char.IsUpper(c) && i > 0)
            {
                char before = name[i - 1];
                bool nextLower = i + 1 < name.Length && char.IsLower(name[i + 1]);
                if (char.IsLower(before) || char.IsDigit(before) || char.IsUpper(before) && nextLower) Dash(builder);
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        string result = builder.ToString().Trim('-');
        if (result.Length == 0) return null;
        foreach (var part in result.Split('-'))
        {
            if (part.Length == 0 || char.IsDigit(part[0])) return null;
        }

        return result;
    }

    private static void Dash(StringBuilder builder)
    {
        if (builder.Length > 0 && builder[builder.Length - 1] != '-') builder.Append('-');
    }
}
