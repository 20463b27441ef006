namespace Wit.Core.Tests.Semantics;

/// <summary>One file of a <see cref="WitFixture"/>: its full path in the in-memory workspace and its text.</summary>
public sealed record FixtureFile(string Path, string Text);
