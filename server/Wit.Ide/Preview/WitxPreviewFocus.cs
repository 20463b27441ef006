namespace Wit.Ide.Preview;

/// <summary>
/// The item under the cursor in a WITX preview, so the pane can scroll to it: a type (derived as
/// <c>(typename $Name ...)</c>) or a function (derived as <c>(@interface func (export "Name") ...)</c>).
/// </summary>
/// <param name="Kind"><c>type</c> or <c>function</c>.</param>
/// <param name="Name">The type's name, or the function's full name (<c>[method]r.m</c> for resource functions).</param>
public sealed record WitxPreviewFocus(string Kind, string Name);
