using System.Collections.Generic;

namespace Wit.Ide.SignatureHelp;

/// <summary>One signature: a type constructor (<c>result&lt;T, E&gt;</c>) or a gate attribute (<c>@since(version = ...)</c>).</summary>
/// <param name="Label">The signature as shown.</param>
/// <param name="Documentation">What it means (Markdown), or null.</param>
/// <param name="Parameters">Its parameters, in order.</param>
public sealed record SignatureInfo(string Label, string? Documentation, IReadOnlyList<SignatureParameterInfo> Parameters);
