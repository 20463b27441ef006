using System.Linq;
using Wit.Core.Abi;
using Wit.Core.Lint;
using Wit.Core.Semantics;
using Wit.Core.Syntax;
using Wit.Core.Text;
using Wit.Core.Workspace;
using Xunit;

namespace Wit.Core.Tests.Lint;

/// <summary>
/// What a check keeps for the next one: the lint's Canonical ABI layouts only of types made before the check (those
/// of taken-over items and dependencies, which the next check meets as the same objects), not of the types it made.
/// </summary>
public class WorkspaceCheckMemoryTests
{
    private const string Path = "/ws/a.wit";

    private const string Text =
        "package t:a;\n\ninterface a {\n  record big { x: string, y: list<u64>, z: option<string> }\n}\n\n" +
        "interface b {\n  use a.{big};\n  g: func(v: big, s: string);\n}\n";

    [Fact]
    public void A_first_check_keeps_no_layouts()
    {
        var check = WorkspaceCheck.Run(WorkspaceLoader.Load(new InMemoryFileSystem().Add(Path, Text), Path), ResolveOptions.Default, LintOptions.Default, null);

        var abi = Assert.IsType<CanonicalAbi>(check.Items?.Abi);
        Assert.Empty(abi.RememberedLayouts);
        Assert.Contains(check.LintDiagnostics, d => d.Code == LintDiagnostics.Wit2003.Code);
    }

    [Fact]
    public void An_edit_keeps_the_layouts_of_taken_over_types_only()
    {
        var disk = new InMemoryFileSystem().Add(Path, Text);
        var tree = SyntaxTree.ParseWit(SourceText.From(Text, Path));
        var first = WorkspaceCheck.Run(WorkspaceLoader.Load(disk, Path, (_, _) => tree), ResolveOptions.Default, LintOptions.Default, null);

        int offset = Text.IndexOf("g: func", System.StringComparison.Ordinal);
        tree = tree.WithChange(new TextChange(new TextSpan(offset, 0), "// edited\n  "));
        disk.Add(Path, tree.Text.Text);
        long newestBefore = TypeDefinition.NewestSerial;
        var second = WorkspaceCheck.Run(WorkspaceLoader.Load(disk, Path, (_, _) => tree), ResolveOptions.Default, LintOptions.Default, first);

        Assert.Equal(1, second.TakenOverItems);
        var kept = second.Items!.Abi!.RememberedLayouts.ToList();
        // `big`, laid out for g's parameters, belongs to the taken-over interface a; b's own types were made anew.
        Assert.Contains(kept, t => t.Name == "big");
        Assert.All(kept, t => Assert.True(t.Serial <= newestBefore, $"{t} was made by the check"));
    }
}
