using System;
using System.IO;
using System.Text;
using Wit.Core.Workspace;
using Xunit;

namespace Wit.Core.Tests.Workspace;

/// <summary>
/// <see cref="PhysicalFileSystem.ReadAllText"/> decodes the bytes once, as strict UTF-8: what a reader with byte order
/// mark detection gave before (a UTF-8 mark dropped, UTF-16 and UTF-32 marks honoured, invalid UTF-8 refused).
/// </summary>
public sealed class PhysicalFileSystemTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "wit-read-" + Guid.NewGuid().ToString("N") + ".wit");

    public void Dispose() => File.Delete(_path);

    private string Read(byte[] bytes)
    {
        File.WriteAllBytes(_path, bytes);
        return PhysicalFileSystem.Instance.ReadAllText(_path);
    }

    [Fact]
    public void Utf8IsDecodedAndItsByteOrderMarkDropped()
    {
        string text = "package a:b; // é \U0001F600\n";

        Assert.Equal(text, Read(Encoding.UTF8.GetBytes(text)));
        Assert.Equal(text, Read(new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes(text))));
        Assert.Equal("\uFEFFx", Read(new byte[] { 0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF, (byte)'x' }));
        Assert.Equal(string.Empty, Read(Array.Empty<byte>()));
        Assert.Equal(string.Empty, Read(new byte[] { 0xEF, 0xBB, 0xBF }));
    }

    [Fact]
    public void Utf16AndUtf32ByteOrderMarksAreHonoured()
    {
        Assert.Equal("ab", Read(new UnicodeEncoding(false, true).GetPreamble().Concat(new UnicodeEncoding(false, false).GetBytes("ab"))));
        Assert.Equal("ab", Read(new UnicodeEncoding(true, true).GetPreamble().Concat(new UnicodeEncoding(true, false).GetBytes("ab"))));
        Assert.Equal("ab", Read(new UTF32Encoding(true, true).GetPreamble().Concat(new UTF32Encoding(true, false).GetBytes("ab"))));
    }

    [Fact]
    public void InvalidUtf8IsRefused()
    {
        Assert.Throws<DecoderFallbackException>(() => Read(new byte[] { (byte)'a', 0xE9, (byte)'b' }));
        Assert.Throws<DecoderFallbackException>(() => Read(new byte[] { 0xEF, 0xBB, 0xBF, 0xC3 }));
    }
}

internal static class ByteArrayExtensions
{
    public static byte[] Concat(this byte[] first, byte[] second)
    {
        var result = new byte[first.Length + second.Length];
        first.CopyTo(result, 0);
        second.CopyTo(result, first.Length);
        return result;
    }
}
