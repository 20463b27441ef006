using System.Collections.Generic;
using System.Text;

namespace Wit.Analyzers.Generation;

/// <summary>
/// WIT's kebab-case names as C# identifiers, as wit-bindgen's C# generator spells them: types, members and namespaces
/// in PascalCase (<c>input-stream</c> is <c>InputStream</c>), parameters in camelCase, a C# keyword escaped with <c>@</c>.
/// </summary>
internal static class CSharpNames
{
    private static readonly HashSet<string> Keywords = new()
    {
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const", "continue",
        "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern", "false", "finally",
        "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface", "internal", "is", "lock",
        "long", "namespace", "new", "null", "object", "operator", "out", "override", "params", "private", "protected",
        "public", "readonly", "ref", "return", "sbyte", "sealed", "short", "sizeof", "stackalloc", "static", "string",
        "struct", "switch", "this", "throw", "true", "try", "typeof", "uint", "ulong", "unchecked", "unsafe", "ushort",
        "using", "virtual", "void", "volatile", "while",
    };

    /// <summary>Members every record has (or inherits): a field, case or method of that name would clash with them.</summary>
    public static readonly IReadOnlyCollection<string> RecordMembers = new HashSet<string>
    {
        "Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "Finalize", "ReferenceEquals", "EqualityContract",
        "PrintMembers", "Deconstruct",
    };

    /// <summary><c>input-stream</c> as <c>InputStream</c>; each word capitalised, the rest lower case.</summary>
    public static string Pascal(string kebab)
    {
        var builder = new StringBuilder(kebab.Length);
        bool upper = true;
        foreach (char c in kebab)
        {
            if (c == '%') continue;
            if (c == '-')
            {
                upper = true;
                continue;
            }

            builder.Append(upper ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c));
            upper = false;
        }

        return builder.Length == 0 ? "_" : builder.ToString();
    }

    /// <summary><c>input-stream</c> as <c>inputStream</c>, escaped with <c>@</c> when it is a C# keyword.</summary>
    public static string Camel(string kebab)
    {
        string pascal = Pascal(kebab);
        string camel = char.ToLowerInvariant(pascal[0]) + pascal.Substring(1);
        return Keywords.Contains(camel) ? "@" + camel : camel;
    }

    /// <summary><paramref name="name"/>, or with <c>_</c> appended until it is none of <paramref name="taken"/>.</summary>
    public static string Avoid(string name, IEnumerable<string> taken)
    {
        var set = new HashSet<string>(taken);
        while (set.Contains(name)) name += "_";
        return name;
    }

    /// <summary>A string as the body of a C# verbatim-free string literal.</summary>
    public static string Literal(string text)
    {
        var builder = new StringBuilder(text.Length + 2).Append('"');
        foreach (char c in text)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                default: builder.Append(c); break;
            }
        }

        return builder.Append('"').ToString();
    }
}
