using System.Collections.Generic;
using Wit.Core.Diagnostics;
using Wit.Core.Syntax;

namespace Wit.Core.Witx.Semantics;

/// <summary>
/// A resolved WITX document and the files it <c>use</c>s, as one scope (the witx crate's <c>Document</c>): typenames,
/// modules and constants in definition order, every file read, and every diagnostic, syntax ones included. Items that
/// failed to resolve stay in the model with error types, so questions about broken code still have answers.
/// </summary>
public sealed class WitxModel
{
    private readonly Dictionary<string, WitxTypename> _typenames = new();
    private readonly Dictionary<string, WitxModule> _modules = new();

    /// <summary>Every typename, in definition order (a <c>use</c>d file's before the rest of the file using it).</summary>
    public List<WitxTypename> Typenames { get; } = new();

    /// <summary>Every module, in definition order.</summary>
    public List<WitxModule> Modules { get; } = new();

    /// <summary>Every <c>(@witx const ...)</c>, in definition order.</summary>
    public List<WitxConstant> Constants { get; } = new();

    /// <summary>The parsed files, in the order they were loaded (each file once).</summary>
    public List<SyntaxTree> Files { get; } = new();

    /// <summary>Every diagnostic, each naming its document.</summary>
    public List<Diagnostic> Diagnostics { get; } = new();

    /// <summary>The typename called <paramref name="name"/> (without <c>$</c>), or null.</summary>
    public WitxTypename? FindTypename(string name) => _typenames.TryGetValue(name, out var typename) ? typename : null;

    /// <summary>The module called <paramref name="name"/> (without <c>$</c>), or null.</summary>
    public WitxModule? FindModule(string name) => _modules.TryGetValue(name, out var module) ? module : null;

    internal void Add(WitxTypename typename)
    {
        Typenames.Add(typename);
        _typenames[typename.Name] = typename;
    }

    internal void Add(WitxModule module)
    {
        Modules.Add(module);
        _modules[module.Name] = module;
    }
}
