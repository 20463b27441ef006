using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Wit.Core.Workspace;
using Xunit;

namespace Wit.Core.Tests.Workspace;

/// <summary>
/// Reading a file as text: what <see cref="File.ReadAllText(string, Encoding)"/> with strict UTF-8 gives (the reader
/// it replaced), for every kind of content, characters split between the reader's 64 KB reads included.
/// </summary>
public sealed class PhysicalFileSystemTests : IDisposable
{
    private static readonly UTF8Encoding Strict = new(false, true);
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "wit-read-" + Guid.NewGuid().ToString("N"));

    public PhysicalFileSystemTests() => Directory.CreateDirectory(_directory);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    public static IEnumerable<object[]> Contents()
    {
        yield return new object[] { "empty", Array.Empty<byte>() };
        yield return new object[] { "ascii", Encoding.UTF8.GetBytes("package a:b;\ninterface i {}\n") };
        yield return new object[] { "utf-8 bom", new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes("package a:b;")).ToArray() };
        yield return new object[] { "bom only", new byte[] { 0xEF, 0xBB, 0xBF } };
        yield return new object[] { "utf-16 le bom", Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("package é:b;")).ToArray() };
        yield return new object[] { "utf-16 be bom", Encoding.BigEndianUnicode.GetPreamble().Concat(Encoding.BigEndianUnicode.GetBytes("package é:b;")).ToArray() };
        yield return new object[] { "small with every width", Encoding.UTF8.GetBytes("package é:b; // € 😀\n") };
        yield return new object[] { "utf-32 be bom", new byte[] { 0, 0, 0xFE, 0xFF, 0, 0, 0, (byte)'a' } };
        // A file that fits the first read whole is decoded from it; one that fills it is read again in two passes.
        foreach (int length in new[] { 65535, 65536, 65537 })
        {
            yield return new object[] { $"{length} bytes", Enumerable.Repeat((byte)'x', length).ToArray() };
            yield return new object[] { $"bom and {length - 3} bytes", new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Enumerable.Repeat((byte)'y', length - 3)).ToArray() };
        }

        // Every width of character at every offset around the reads' 64 KB boundaries.
        foreach (string c in new[] { "é", "€", "😀" })
        {
            for (int shift = 0; shift < 4; shift++)
            {
                var text = new StringBuilder();
                text.Append('x', 65536 - 2 + shift);
                for (int i = 0; i < 40_000; i++) text.Append(c);
                yield return new object[] { $"{c} shifted {shift}", Encoding.UTF8.GetBytes(text.ToString()) };
            }
        }
    }

    [Theory]
    [MemberData(nameof(Contents))]
    public void Reads_what_the_framework_reader_reads(string name, byte[] bytes)
    {
        string path = Path.Combine(_directory, "f.wit");
        File.WriteAllBytes(path, bytes);

        Assert.True(File.ReadAllText(path, Strict) == PhysicalFileSystem.Instance.ReadAllText(path), name);
    }

    public static IEnumerable<object[]> Invalid()
    {
        yield return new object[] { "lone continuation byte", new byte[] { (byte)'a', 0x80, (byte)'b' } };
        yield return new object[] { "truncated at the end", new byte[] { (byte)'a', 0xE2, 0x82 } };
        yield return new object[] { "overlong", new byte[] { 0xC0, 0xAF } };
        yield return new object[] { "surrogate code point", new byte[] { 0xED, 0xA0, 0x80 } };
        var late = Enumerable.Repeat((byte)'x', 200_000).ToArray();
        late[150_000] = 0xE9;
        yield return new object[] { "invalid past the first read", late };
        var last = Enumerable.Repeat((byte)'x', 65535).ToArray();
        last[^1] = 0xC3;
        yield return new object[] { "truncated at the end of a file that fits the first read", last };
    }

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Invalid_utf8_is_refused_as_the_framework_reader_refuses_it(string name, byte[] bytes)
    {
        string path = Path.Combine(_directory, "bad.wit");
        File.WriteAllBytes(path, bytes);

        Assert.Throws<DecoderFallbackException>(() => File.ReadAllText(path, Strict));
        var refused = Record.Exception(() => PhysicalFileSystem.Instance.ReadAllText(path));
        Assert.True(refused is DecoderFallbackException, $"{name}: {refused?.GetType().Name ?? "no exception"}");
    }

    [Fact]
    public void A_missing_file_is_an_io_error()
    {
        Assert.ThrowsAny<IOException>(() => PhysicalFileSystem.Instance.ReadAllText(Path.Combine(_directory, "absent.wit")));
    }
}
