using System.Collections.Generic;
using Wit.Core.Semantics;

namespace Wit.Core.Witx.Semantics;

/// <summary>A resolved <c>(@interface func (export "name") (param ...)* (result ...)* (@witx noreturn)?)</c>.</summary>
public sealed class WitxFunction
{
    internal WitxFunction(string name, SourceLocation location, string? docs)
    {
        Name = name;
        Location = location;
        Docs = docs;
    }

    /// <summary>The export name: the name of the core function in the module.</summary>
    public string Name { get; }

    /// <summary>The <c>(param $name type)</c>s, in order.</summary>
    public IReadOnlyList<WitxMember> Params { get; internal set; } = System.Array.Empty<WitxMember>();

    /// <summary>The <c>(result $name type)</c>s: the witx ABI allows at most one.</summary>
    public IReadOnlyList<WitxMember> Results { get; internal set; } = System.Array.Empty<WitxMember>();

    /// <summary>True with <c>(@witx noreturn)</c>: the function never returns (<c>proc_exit</c>).</summary>
    public bool IsNoreturn { get; internal set; }

    /// <summary>Where the export name is written.</summary>
    public SourceLocation Location { get; }

    /// <summary>The <c>;;;</c> doc comment lines, joined; null without any.</summary>
    public string? Docs { get; }

    /// <summary>Why the function is outside the WITX ABI (reported as a diagnostic), or null when it is inside.</summary>
    public string? AbiProblem { get; internal set; }

    public override string ToString() => Name;
}
