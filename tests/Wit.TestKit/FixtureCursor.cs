namespace Wit.TestKit;

/// <summary>Where a fixture's <c>$0</c> marker stood: the file's full path and the offset (the markers removed).</summary>
public sealed record FixtureCursor(string Path, int Offset);
