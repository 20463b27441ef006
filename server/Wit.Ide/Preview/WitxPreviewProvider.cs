using System.Linq;
using System.Threading;
using Wit.Core.Semantics;
using Wit.Core.Witx.Semantics;
using Wit.Ide.Abi;
using Wit.Ide.Analysis;

namespace Wit.Ide.Preview;

/// <summary>
/// The WITX preview (<c>wit/witxPreview</c>): Core's <see cref="WitxDeriver"/> applied to the interface or world that
/// contains the cursor, or to one named explicitly.
/// </summary>
public static class WitxPreviewProvider
{
    /// <summary>The WITX of the named interface or world containing <paramref name="offset"/>, or null outside one.</summary>
    public static WitxPreviewResult? Preview(IdeSnapshot snapshot, string path, int offset, CancellationToken cancellationToken = default)
    {
        var target = ItemLocator.Containing(snapshot, path, offset, s => s is Interface { Name: not null } or World);
        cancellationToken.ThrowIfCancellationRequested();
        if (target is null) return null;
        var focus = ItemLocator.Containing(snapshot, path, offset, s => s is TypeDefinition { Name: not null } or Function)?.Symbol switch
        {
            TypeDefinition type => new WitxPreviewFocus("type", type.Name!),
            Function function => new WitxPreviewFocus("function", function.Name),
            _ => null,
        };
        return Derive(target.Symbol) with { Focus = focus };
    }

    /// <summary>
    /// The WITX of the interface or world called <paramref name="qualifiedName"/> (<c>ns:pkg/iface</c>, with or without
    /// version, or a plain name in a root package), or null when there is none.
    /// </summary>
    public static WitxPreviewResult? Preview(IdeSnapshot snapshot, string qualifiedName, CancellationToken cancellationToken = default)
    {
        var item = ItemLocator.ByName(snapshot, qualifiedName);
        cancellationToken.ThrowIfCancellationRequested();
        return item is Interface or World ? Derive(item) : null;
    }

    private static WitxPreviewResult Derive(object item)
    {
        var derivation = item is Interface @interface ? WitxDeriver.DeriveInterface(@interface) : WitxDeriver.DeriveWorld((World)item);
        return new WitxPreviewResult(AbiLayoutProvider.QualifiedName(item), item is Interface ? "interface" : "world", derivation.Text,
            derivation.Diagnostics.Select(d => d.Message).ToList());
    }
}
