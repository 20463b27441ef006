using System;
using System.Runtime.CompilerServices;
using Wit.Core.Text;
using Wit.Core.Workspace;
using Wit.Ide.Diagnostics;
using Wit.Ide.Workspace;
using Xunit;

namespace Wit.Ide.Tests.Workspace;

/// <summary>
/// What the workspace keeps of a document: its current tree and analysis, not the versions before an edit, and
/// nothing once it is closed (a 2 MB document's tree and model are tens of megabytes). Each test holds a weak
/// reference to an earlier text and checks, after full collections, that nothing holds it any more.
/// </summary>
public class DocumentLifetimeTests
{
    private const string Path = "/ws/doc/doc.wit";

    private const string Text = """
        package my:doc;

        interface api {
          record point { x: u32, y: u32 }
          variant shape { circle(point), square(tuple<point, u32>) }
          move: func(p: point, by: u32) -> point;
        }
        """;

    [Fact]
    public void The_text_before_an_edit_is_released_once_the_edit_is_analysed()
    {
        var workspace = new IdeWorkspace(new InMemoryFileSystem());
        var first = OpenAndAnalyse(workspace);

        int at = Text.IndexOf("by: u32", StringComparison.Ordinal);
        workspace.Change(Path, new[] { new TextChange(new TextSpan(at, 2), "step") }, 2);
        _ = DocumentDiagnostics.For(workspace.Snapshot, Path);

        Assert.False(IsAlive(first), "the first version's text is still held after an edit");
        GC.KeepAlive(workspace);
    }

    [Fact]
    public void A_closed_document_leaves_nothing_behind()
    {
        var workspace = new IdeWorkspace(new InMemoryFileSystem());
        var first = OpenAndAnalyse(workspace);

        workspace.Close(Path);
        _ = DocumentDiagnostics.For(workspace.Snapshot, Path);

        Assert.False(IsAlive(first), "a closed document's text is still held");
        GC.KeepAlive(workspace);
    }

    /// <summary>Opens the document, analyses it (diagnostics, lint with its ABI layouts) and returns a weak reference to its text.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference OpenAndAnalyse(IdeWorkspace workspace)
    {
        // A copy, so the constant string (interned, alive forever) is not what the reference watches.
        string text = new string(Text.AsSpan());
        workspace.Open(Path, text, 1);
        _ = DocumentDiagnostics.For(workspace.Snapshot, Path);
        _ = workspace.Snapshot.AnalysisOf(Path)!.Model;
        return new WeakReference(workspace.Snapshot.GetDocument(Path)!.Text);
    }

    private static bool IsAlive(WeakReference reference)
    {
        for (int i = 0; i < 3; i++)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true);
            GC.WaitForPendingFinalizers();
        }

        return reference.IsAlive;
    }
}
