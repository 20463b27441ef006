namespace Wit.Ide.SignatureHelp;

/// <summary>One parameter of a signature; <paramref name="Label"/> is a substring of the signature's label.</summary>
/// <param name="Label">The parameter as the signature's label spells it (<c>T</c>, <c>version = &lt;semver&gt;</c>).</param>
/// <param name="Documentation">What the parameter is (Markdown), or null.</param>
public sealed record SignatureParameterInfo(string Label, string? Documentation);
