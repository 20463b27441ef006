using System.Collections.Generic;

namespace Wit.Ide.SignatureHelp;

/// <summary>Signature help at a cursor: the candidate signatures, the one that applies and the parameter being written.</summary>
/// <param name="Signatures">The candidates (one, or two for <c>list</c>: dynamic and fixed-length).</param>
/// <param name="ActiveSignature">The index of the signature that fits what is written.</param>
/// <param name="ActiveParameter">The index of the parameter at the cursor (by the commas before it).</param>
public sealed record SignatureHelpResult(IReadOnlyList<SignatureInfo> Signatures, int ActiveSignature, int ActiveParameter);
