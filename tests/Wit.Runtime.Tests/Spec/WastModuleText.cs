using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace Wit.Runtime.Tests.Spec;

/// <summary>
/// Finds a module's source in a <c>.wast</c> file: the first <c>(module ...)</c> S-expression from a command's line on
/// (the line wast2json reports), balanced over strings and comments.
/// </summary>
internal sealed class WastModuleText
{
    private readonly byte[] _src;
    private readonly List<int> _lineStarts = new() { 0 };

    public WastModuleText(string path)
    {
        _src = File.ReadAllBytes(path);
        for (int i = 0; i < _src.Length; i++)
        {
            if (_src[i] == '\n')
            {
                _lineStarts.Add(i + 1);
            }
        }
    }

    /// <summary>The bytes of the module that starts at or after <paramref name="line"/> (1-based), or null.</summary>
    public byte[]? ModuleAt(int line)
    {
        int i = _lineStarts[line - 1];
        while (i < _src.Length)
        {
            if (Skip(ref i))
            {
                continue;
            }
            if (_src[i] == '(' && Matches(i + 1, "module"))
            {
                int end = Close(i);
                return end < 0 ? null : _src.AsSpan(i, end - i).ToArray();
            }
            i++;
        }
        // A file of bare module fields (inline-module.wast) is one module.
        return line == 1 && Encoding.UTF8.GetString(_src).Contains("(module", StringComparison.Ordinal) ? null : _src;
    }

    private bool Matches(int at, string word)
    {
        for (int k = 0; k < word.Length; k++)
        {
            if (at + k >= _src.Length || _src[at + k] != word[k])
            {
                return false;
            }
        }
        int after = at + word.Length;
        return after < _src.Length && (_src[after] is (byte)' ' or (byte)'\n' or (byte)'\t' or (byte)'\r' or (byte)')');
    }

    // Skips a comment or string at i (returns true when it did).
    private bool Skip(ref int i)
    {
        if (_src[i] == ';' && i + 1 < _src.Length && _src[i + 1] == ';')
        {
            while (i < _src.Length && _src[i] != '\n')
            {
                i++;
            }
            return true;
        }
        if (_src[i] == '(' && i + 1 < _src.Length && _src[i + 1] == ';')
        {
            int depth = 0;
            do
            {
                if (_src[i] == '(' && i + 1 < _src.Length && _src[i + 1] == ';')
                {
                    depth++;
                    i += 2;
                }
                else if (_src[i] == ';' && i + 1 < _src.Length && _src[i + 1] == ')')
                {
                    depth--;
                    i += 2;
                }
                else
                {
                    i++;
                }
            }
            while (depth > 0 && i < _src.Length);
            return true;
        }
        if (_src[i] == '"')
        {
            i++;
            while (i < _src.Length && _src[i] != '"')
            {
                i += _src[i] == '\\' ? 2 : 1;
            }
            i++;
            return true;
        }
        return false;
    }

    private int Close(int i)
    {
        int depth = 0;
        while (i < _src.Length)
        {
            if (Skip(ref i))
            {
                continue;
            }
            if (_src[i] == '(')
            {
                depth++;
            }
            else if (_src[i] == ')' && --depth == 0)
            {
                return i + 1;
            }
            i++;
        }
        return -1;
    }

    public override string ToString() => Encoding.UTF8.GetString(_src);
}
