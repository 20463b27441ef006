using System;
using System.Collections.Generic;
using Wit.Core.Diagnostics;

namespace Wit.Core.Workspace;

/// <summary>
/// What <see cref="IPackageDecoder"/> read from an encoded package: the package as WIT text, and the interfaces of
/// other packages it refers to. An encoding carries those as stubs (the types and functions the package uses), as
/// wit-parser's decoder turns them into packages of their own; the loader adds each stub as a nested package unless
/// another input defines that package.
/// </summary>
public sealed class DecodedPackage
{
    /// <summary>A package: its name (<c>ns:pkg@version</c>), its WIT text, and the foreign interfaces it refers to.</summary>
    public DecodedPackage(string name, string text, IReadOnlyList<DecodedInterface> foreign)
    {
        Name = name;
        Text = text;
        Foreign = foreign;
    }

    private DecodedPackage(DiagnosticMessage error)
    {
        Name = string.Empty;
        Text = string.Empty;
        Foreign = Array.Empty<DecodedInterface>();
        Error = error;
    }

    /// <summary>A file that holds no package, and why.</summary>
    public static DecodedPackage Failed(DiagnosticMessage error) => new(error);

    public string Name { get; }

    /// <summary>The package's WIT text: its <c>package</c> declaration, interfaces and worlds.</summary>
    public string Text { get; }

    public IReadOnlyList<DecodedInterface> Foreign { get; }

    /// <summary>Why the bytes hold no package (the other members are then empty).</summary>
    public DiagnosticMessage? Error { get; }
}
