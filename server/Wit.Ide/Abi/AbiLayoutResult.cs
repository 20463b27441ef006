using System.Collections.Generic;

namespace Wit.Ide.Abi;

/// <summary>
/// The Canonical ABI layout of one item (a type, a function, or every type and function of an interface or world)
/// for the editor's preview pane: the item's name and kind, the table's rows, and the same facts as Markdown.
/// </summary>
/// <param name="Name">The item's qualified name (<c>ns:pkg/iface@v.point</c>, <c>ns:pkg/iface@v</c>).</param>
/// <param name="Kind">The item's kind: a type kind (<c>record</c>, <c>variant</c>, ...), <c>function</c>, <c>interface</c> or <c>world</c>.</param>
/// <param name="Rows">The layout table.</param>
/// <param name="Markdown">The layout rendered as Markdown (headings, tables).</param>
public sealed record AbiLayoutResult(string Name, string Kind, IReadOnlyList<AbiLayoutRow> Rows, string Markdown);
