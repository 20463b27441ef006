namespace Wit.Analyzers.Generation;

/// <summary>One generated file: its hint name (unique per compilation) and its text.</summary>
internal sealed record GeneratedSource(string HintName, string Text);
