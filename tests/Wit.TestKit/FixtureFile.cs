namespace Wit.TestKit;

/// <summary>One file of a <see cref="Fixture"/>: its full path in the in-memory workspace and its text (markers removed).</summary>
public sealed record FixtureFile(string Path, string Text);
