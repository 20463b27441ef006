using Wit.Core.Semantics;
using Wit.Core.Workspace;

namespace Wit.Core.Tests.Semantics;

/// <summary>
/// Resolves a workspace written in the shared fixture syntax (<see cref="Fixture"/>: <c>//- /path/file.wit</c> headers,
/// dependencies under <c>/deps/...</c>, a <c>$0</c> cursor) from memory.
/// </summary>
public static class WitFixture
{
    /// <summary>The workspace directory every fixture is loaded into.</summary>
    public const string Root = Fixture.Root;

    /// <summary>Loads the fixture into memory and resolves <see cref="Root"/>.</summary>
    public static ResolvedFixture Resolve(string fixture, ResolveOptions? options = null)
    {
        var parsed = Fixture.Parse(fixture);
        var fileSystem = new InMemoryFileSystem();
        foreach (var file in parsed.Files) fileSystem.Add(file.Path, file.Text);
        var workspace = WorkspaceLoader.Load(fileSystem, Root);
        return new ResolvedFixture(workspace, WitResolver.Resolve(workspace, options), parsed.Files, parsed.Cursor);
    }
}
