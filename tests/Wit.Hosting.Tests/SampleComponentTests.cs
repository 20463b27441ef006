using System.IO;
using Wit.TestKit;
using Xunit;

namespace Wit.Hosting.Tests;

/// <summary>
/// The C# host sample loads <c>component/notes.wasm</c> on both engines; its source is <c>notes.wat</c>. The committed
/// binary must be what <c>component/build.mjs</c> makes of the text today (the same parser, jco's wasm-tools), so an
/// edit of the text without a rebuild fails here instead of running a stale component.
/// </summary>
public sealed class SampleComponentTests
{
    [Fact]
    public void CommittedBinaryIsTheParsedText()
    {
        string dir = RepoPaths.Combine("samples", "csharp-host", "component");
        byte[] parsed = ComponentText.Parse(File.ReadAllText(Path.Combine(dir, "notes.wat")));
        Assert.Equal(parsed, File.ReadAllBytes(Path.Combine(dir, "notes.wasm")));
    }
}
