namespace Wit.Ide.SemanticTokens;

/// <summary>Replace <see cref="DeleteCount"/> integers at <see cref="Start"/> of the previous encoding with <see cref="Data"/>.</summary>
public sealed record SemanticTokensEdit(int Start, int DeleteCount, int[] Data);
