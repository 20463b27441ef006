using System.Collections.Generic;
using System.Linq;
using Wit.Core.Abi;
using Wit.Core.Semantics;
using Wit.Core.Workspace;
using Xunit;

namespace Wit.Core.Tests.Abi;

/// <summary>
/// The memoised layouts and flattenings do not depend on the order they are asked for: a definition whose parts are
/// already known is computed at once, one whose parts are not is reached by the walk; both give the same answer, and a
/// type without a layout keeps its root cause as its problem.
/// </summary>
public sealed class LayoutOrderTests
{
    private const string Types =
        "package t:t;\ninterface i {\n"
        + "  record leaf { a: u8, b: u64, c: string }\n"
        + "  type alias = leaf;\n"
        + "  record mid { l: alias, tags: list<string>, pick: option<leaf> }\n"
        + "  variant choice { none, one(mid), two(tuple<leaf, u16>), three(result<leaf, string>) }\n"
        + "  record top { c: choice, m: mid, fixed: tuple<u8, u32, f64> }\n"
        + "  flags perms { r, w, x }\n"
        + "  enum color { red, green, blue }\n"
        + "  record wide { p: perms, c: color, t: top }\n"
        + "}\n";

    private static List<TypeDefinition> Definitions(string text, bool allowErrors = false)
    {
        var model = WitResolver.Resolve(new InMemoryFileSystem().Add("/t.wit", text), "/t.wit");
        if (!allowErrors) Assert.Empty(model.Diagnostics);
        return model.Types.ToList();
    }

    private static string Describe(CanonicalAbi abi, TypeDefinition definition)
    {
        var layout = abi.Layout(definition);
        var flat = abi.Flatten(WitType.Of(definition));
        return layout is null
            ? $"{definition}: no layout ({abi.Problem(definition)})"
            : $"{definition}: size {layout.Size} align {layout.Alignment} offsets [{string.Join(",", layout.FieldOffsets)}] "
              + $"discriminant {layout.DiscriminantSize} payload {layout.PayloadOffset} flat {flat}";
    }

    [Fact]
    public void Leaves_first_roots_first_and_one_at_a_time_agree()
    {
        var definitions = Definitions(Types);

        var leavesFirst = new CanonicalAbi();
        var inOrder = definitions.Select(d => Describe(leavesFirst, d)).ToList();
        var rootsFirst = new CanonicalAbi();
        var reversed = Enumerable.Reverse(definitions).Select(d => Describe(rootsFirst, d)).Reverse().ToList();
        var fresh = definitions.Select(d => Describe(new CanonicalAbi(), d)).ToList();

        Assert.Equal(inOrder, reversed);
        Assert.Equal(inOrder, fresh);
        var top = definitions.Single(d => d.Name == "top");
        // leaf 24 bytes (u8 at 0, u64 at 8, string at 16); mid 64 (leaf, list at 24, option<leaf> at 32 with its
        // payload at 8); choice 72 (a 1-byte discriminant, the largest case, mid, at 8); the tuple 16 (u8, u32 at 4, f64 at 8).
        Assert.StartsWith("top: size 152 align 8 offsets [0,72,136] discriminant 0 payload 0 ", Describe(new CanonicalAbi(), top));
        // Flat: leaf 4 values, mid 4 + 2 + (1 + 4) = 11, choice 1 + 11 = 12, the tuple 3: 12 + 11 + 3.
        Assert.Equal(26, new CanonicalAbi().Flatten(WitType.Of(top))!.Count);
    }

    [Theory]
    [InlineData("record r { a: nope }", "r", "a field has no type")]
    [InlineData("record r { a: u8, b: r }", "r", "depends on itself")]
    [InlineData("type a = b;\n  type b = a;", "a", "depends on itself")]
    [InlineData("record inner { a: nope }\n  record outer { i: inner }", "outer", "a field has no type")]
    [InlineData("flags big { g0, g1, g2, g3, g4, g5, g6, g7, g8, g9, g10, g11, g12, g13, g14, g15, g16, g17, g18, g19, g20, g21, g22, g23, g24, g25, g26, g27, g28, g29, g30, g31, g32 }\n  record holder { b: big }", "holder", "33 members")]
    [InlineData("flags big { g0, g1, g2, g3, g4, g5, g6, g7, g8, g9, g10, g11, g12, g13, g14, g15, g16, g17, g18, g19, g20, g21, g22, g23, g24, g25, g26, g27, g28, g29, g30, g31, g32 }\n  variant holder { a(u8), b(tuple<u32, big>) }", "holder", "33 members")]
    public void A_type_without_a_layout_names_its_root_cause_in_any_order(string declarations, string name, string problem)
    {
        var definitions = Definitions($"package t:t;\ninterface i {{\n  {declarations}\n}}\n", allowErrors: true);
        var target = definitions.First(d => d.Name == name);

        var direct = new CanonicalAbi();
        Assert.Null(direct.Layout(target));
        Assert.Contains(problem, direct.Problem(target));

        var partsFirst = new CanonicalAbi();
        foreach (var definition in definitions) partsFirst.Layout(definition);
        Assert.Null(partsFirst.Layout(target));
        Assert.Contains(problem, partsFirst.Problem(target));
        Assert.Equal(direct.Flatten(WitType.Of(target))?.ToString(), partsFirst.Flatten(WitType.Of(target))?.ToString());
    }
}
