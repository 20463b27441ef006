namespace Wit.Ide.SemanticTokens;

/// <summary>
/// One classified span on a single line: a type index and modifier bits from <see cref="SemanticTokensLegend"/>.
/// </summary>
public readonly record struct SemanticToken(int Start, int Length, int TokenType, int Modifiers);
