using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace Wit.Repo.Tests;

/// <summary>The repository's C# sources as the rule tests read them: listed by folder, with comments and strings blanked out.</summary>
public static class CSharpSources
{
    /// <summary>Every .cs file below a repository folder, build output excluded, as '/'-separated relative paths.</summary>
    public static IEnumerable<string> Under(string folder)
    {
        foreach (string file in Directory.EnumerateFiles(RepoPaths.Combine(folder), "*.cs", SearchOption.AllDirectories))
        {
            string relative = Path.GetRelativePath(RepoPaths.Root, file).Replace('\\', '/');
            if (relative.Split('/').Any(part => part is "bin" or "obj")) continue;
            yield return relative;
        }
    }

    /// <summary>Blanks out comments and string and character literals, roughly as the C# lexer reads them.</summary>
    public static string StripCommentsAndStrings(string source)
    {
        var result = new StringBuilder(source.Length);
        int i = 0;
        while (i < source.Length)
        {
            char c = source[i];
            char next = i + 1 < source.Length ? source[i + 1] : '\0';
            if (c == '/' && next == '/')
            {
                while (i < source.Length && source[i] != '\n') i++;
            }
            else if (c == '/' && next == '*')
            {
                int end = source.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = end < 0 ? source.Length : end + 2;
            }
            else if (c == '@' && next == '"' || c == '$' && next == '@' || c == '@' && next == '$')
            {
                // Verbatim string: "" is an escaped quote.
                i = source.IndexOf('"', i) + 1;
                while (i < source.Length)
                {
                    if (source[i] == '"' && i + 1 < source.Length && source[i + 1] == '"') i += 2;
                    else if (source[i] == '"') { i++; break; }
                    else i++;
                }
            }
            else if (c == '"' || c == '\'')
            {
                i++;
                while (i < source.Length && source[i] != c && source[i] != '\n')
                {
                    i += source[i] == '\\' ? 2 : 1;
                }

                i++;
            }
            else
            {
                result.Append(c);
                i++;
            }
        }

        return result.ToString();
    }

    /// <summary>The code of a source file (a '/'-separated path relative to the repository), comments and strings blanked out.</summary>
    public static string CodeOf(string relativePath) => StripCommentsAndStrings(File.ReadAllText(RepoPaths.Combine(relativePath)));
}
