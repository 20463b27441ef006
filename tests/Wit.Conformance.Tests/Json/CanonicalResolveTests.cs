using System.Linq;
using Xunit;

namespace Wit.Conformance.Tests.Json;

public sealed class CanonicalResolveTests
{
    // One package: interface `i` with `record r { xs: list<u32> }`, and world `w` importing `i` and an inline
    // interface. The second document allocates the arenas in other orders.
    private const string First = """
        {
          "worlds": [
            { "name": "w", "imports": { "interface-0": { "interface": { "id": 0 } }, "x": { "interface": { "id": 1 } } }, "exports": {}, "package": 0 }
          ],
          "interfaces": [
            { "name": "i", "types": { "r": 1 }, "functions": {}, "package": 0 },
            { "name": null, "types": {}, "functions": { "f": { "name": "f", "kind": "freestanding", "params": [ { "name": "a", "type": 0 } ] } }, "package": 0 }
          ],
          "types": [
            { "name": null, "kind": { "list": "u32" }, "owner": null },
            { "name": "r", "kind": { "record": { "fields": [ { "name": "xs", "type": 0 } ] } }, "owner": { "interface": 0 } }
          ],
          "packages": [ { "name": "a:b", "interfaces": { "i": 0 }, "worlds": { "w": 0 } } ]
        }
        """;

    private const string Permuted = """
        {
          "worlds": [
            { "name": "w", "imports": { "interface-1": { "interface": { "id": 1 } }, "x": { "interface": { "id": 0 } } }, "exports": {}, "package": 0 }
          ],
          "interfaces": [
            { "name": null, "types": {}, "functions": { "f": { "name": "f", "kind": "freestanding", "params": [ { "name": "a", "type": 1 } ] } }, "package": 0 },
            { "name": "i", "types": { "r": 0 }, "functions": {}, "package": 0 }
          ],
          "types": [
            { "name": "r", "kind": { "record": { "fields": [ { "name": "xs", "type": 1 } ] } }, "owner": { "interface": 1 } },
            { "name": null, "kind": { "list": "u32" }, "owner": null }
          ],
          "packages": [ { "name": "a:b", "interfaces": { "i": 1 }, "worlds": { "w": 0 } } ]
        }
        """;

    [Fact]
    public void Documents_that_differ_only_in_arena_order_have_the_same_lines()
    {
        var first = CanonicalResolve.Lines(First);

        Assert.Empty(CanonicalResolve.Diff(first, CanonicalResolve.Lines(Permuted)));
        Assert.Contains("type interface a:b/i.r kind=record{xs: list(u32)} owner=interface a:b/i", first);
        Assert.Contains("function a:b/w:imports:x#f = f freestanding (a: list(u32))", first);
    }

    [Fact]
    public void A_changed_field_shows_as_one_line_removed_and_one_added()
    {
        string changed = First.Replace("\"xs\"", "\"ys\"");

        var diff = CanonicalResolve.Diff(CanonicalResolve.Lines(First), CanonicalResolve.Lines(changed));

        Assert.Equal(
            new[]
            {
                "- type interface a:b/i.r kind=record{xs: list(u32)} owner=interface a:b/i",
                "+ type interface a:b/i.r kind=record{ys: list(u32)} owner=interface a:b/i",
            },
            diff);
    }

    [Fact]
    public void Import_order_is_significant()
    {
        string swapped = First.Replace(
            "\"interface-0\": { \"interface\": { \"id\": 0 } }, \"x\": { \"interface\": { \"id\": 1 } }",
            "\"x\": { \"interface\": { \"id\": 1 } }, \"interface-0\": { \"interface\": { \"id\": 0 } }");

        var diff = CanonicalResolve.Diff(CanonicalResolve.Lines(First), CanonicalResolve.Lines(swapped));

        Assert.Equal(4, diff.Count);
        Assert.All(diff.Where(l => l.StartsWith('-')), l => Assert.Contains(" imports[", l));
    }
}
