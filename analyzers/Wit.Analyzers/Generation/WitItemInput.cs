namespace Wit.Analyzers.Generation;

/// <summary>
/// One <c>&lt;Wit&gt;</c> item as the compilation sees it: its root (a directory with <c>deps/</c>, or one file), the
/// world it names, the <c>@unstable</c> features it enables (<c>Features="a,b"</c>), and the text of every <c>.wit</c>
/// file the build targets passed for it. Compared by value, so the
/// resolution that follows runs again only when a WIT file, the root or the world changed.
/// </summary>
internal sealed record WitItemInput(string Root, string World, string Features, EquatableArray<WitFileInput> Files);

/// <summary>A <c>.wit</c> file of a <c>&lt;Wit&gt;</c> item: its full path and text.</summary>
internal sealed record WitFileInput(string Path, string Text);
