using System.Linq;
using Wit.Core.Semantics;
using Wit.Core.Syntax;
using Wit.Core.Wit.Nodes;
using Wit.Core.Workspace;
using Xunit;

namespace Wit.Core.Tests.Semantics;

/// <summary><see cref="ParsedPath.From"/> takes a use path apart without listing its tokens: local, foreign, nested namespaces.</summary>
public sealed class ParsedPathTests
{
    [Theory]
    [InlineData("types", null, null, null, "types")]
    [InlineData("wasi:clocks/types@0.3.0", "wasi", "clocks", "0.3.0", "types")]
    [InlineData("%x:y/z", "x", "y", null, "z")]
    [InlineData("a:b:c/iface@1.0.0", "a:b", "c", "1.0.0", "iface")]
    [InlineData("a:b:c:d/iface", "a:b:c", "d", null, "iface")]
    public void A_path_gives_its_package_and_item(string text, string? ns, string? name, string? version, string item)
    {
        var path = Parse(text);

        Assert.NotNull(path);
        Assert.Equal(item, path!.ItemName);
        Assert.Equal(ns, path.Package?.Namespace);
        Assert.Equal(name, path.Package?.Name);
        Assert.Equal(version, path.Package?.Version);
        Assert.Equal(ns is not null, path.IsForeign);
    }

    [Fact]
    public void An_incomplete_path_gives_nothing() => Assert.Null(Parse("wasi:clocks/"));

    private static ParsedPath? Parse(string path)
    {
        var tree = SyntaxTree.ParseWit(global::Wit.Core.Text.SourceText.From($"package p:q;\ninterface i {{\n  use {path}.{{t}};\n}}\n", "/a.wit"));
        var node = tree.Root.DescendantNodes().First(n => n.Kind == SyntaxKind.UsePath);
        return ParsedPath.From((UsePathSyntax)WitNode.From(node)!, new SourceFile("/a.wit", tree));
    }
}
