using System.Linq;
using Wit.Ide.Symbols;
using Wit.Ide.Tests.TestKit;
using Xunit;

namespace Wit.Ide.Tests.Symbols;

public class WorkspaceSymbolTests
{
    private const string TwoRootsSharingADep = """
        //- /app/app.wit
        package my:app;
        interface api { use my:dep/types.{file-descriptor}; get-fd: func() -> file-descriptor; }
        //- /app/deps/dep/types.wit
        package my:dep;
        interface types { type file-descriptor = u32; record fd { x: u8 } descriptor: func(); }
        //- /tool/tool.wit
        package my:tool;
        interface t { use my:dep/types.{fd}; }
        //- /tool/deps/dep/types.wit
        package my:dep;
        interface types { type file-descriptor = u32; record fd { x: u8 } descriptor: func(); }
        //- /api.witx
        (typename $fd_flags u16)
        """;

    /// <summary>The search results as `kind name (container) path` lines, best first.</summary>
    private static void Check(string fixture, string query, int limit, params string[] expected)
    {
        var loaded = IdeFixture.Load(fixture);
        var results = WorkspaceSymbolProvider.Search(loaded.Snapshot, query, limit);
        Assert.Equal(expected, results.Select(r => $"{r.Kind} {r.Name} ({r.ContainerName}) {r.Location.Path}").ToArray());
    }

    [Fact]
    public void Exact_then_prefix_then_word_start_then_subsequence() => Check(TwoRootsSharingADep, "fd", 10,
        "Record fd (my:dep/types) /ws/app/deps/dep/types.wit",
        "Record fd (my:dep/types) /ws/tool/deps/dep/types.wit",
        "Function get-fd (my:app/api) /ws/app/app.wit",
        "Typename $fd_flags () /ws/api.witx",
        "TypeAlias file-descriptor (my:dep/types) /ws/app/deps/dep/types.wit",
        "TypeAlias file-descriptor (my:dep/types) /ws/tool/deps/dep/types.wit");

    [Fact]
    public void The_limit_keeps_the_best() => Check(TwoRootsSharingADep, "descriptor", 1,
        "Function descriptor (my:dep/types) /ws/app/deps/dep/types.wit");

    [Fact]
    public void A_dependency_loaded_by_one_root_twice_is_reported_once()
    {
        Check("""
            //- /app/app.wit
            package my:app;
            interface api { use my:dep/types.{gadget}; }
            world w { import my:dep/types; }
            //- /app/deps/dep/types.wit
            package my:dep;
            interface types { record gadget { x: u8 } }
            """, "gadget", 10, "Record gadget (my:dep/types) /ws/app/deps/dep/types.wit");
    }
}
