using System.IO;
using System.Linq;
using Wit.LanguageServer;
using Wit.TestKit;
using Xunit;

namespace Wit.LanguageServer.Tests.Protocol;

/// <summary>The tests that watch the shared array pool, which other tests running beside them would disturb.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ArrayPoolCollection
{
    public const string Name = "shared array pool";
}

[Collection(ArrayPoolCollection.Name)]
public sealed class ServerFileSystemTests
{
    [Fact]
    public void A_path_beyond_the_system_limit_names_nothing_and_costs_no_pooled_buffer()
    {
        // An odd URI of 300,000 characters: before, each question about it rented a 1 MB array the pool kept.
        string path = Path.Combine(Path.GetTempPath(), new string('a', 300_000), "b.wit");
        var files = ServerFileSystem.Instance;
        using var listener = new ArrayPoolListener();

        Assert.False(files.FileExists(path));
        Assert.False(files.DirectoryExists(path));
        Assert.False(files.IsDanglingLink(path));
        Assert.Empty(files.GetFiles(path));
        Assert.Empty(files.GetDirectories(path));
        Assert.Throws<PathTooLongException>(() => files.ReadAllText(path));
        Assert.DoesNotContain(listener.Rented, size => size >= 64 * 1024);
    }

    [Theory]
    [InlineData("file:///ws/")]
    [InlineData("file:///ws/%2E%2E/")]
    [InlineData("untitled:")]
    public void A_URI_beyond_the_system_limit_names_no_document_and_costs_no_pooled_buffer(string prefix)
    {
        var uris = new Wit.LanguageServer.Translation.DocumentUris();
        string uri = prefix + new string('a', 300_000) + ".wit";
        using var listener = new ArrayPoolListener();

        Assert.Null(uris.ToPath(uri));
        Assert.DoesNotContain(listener.Rented, size => size >= 64 * 1024);
        Assert.Equal("/ws/a.wit", uris.ToPath("file:///ws/a.wit"));
        Assert.Null(uris.ToPath("file:///ws/" + new string('b', ServerFileSystem.MaxPathLength) + ".wit"));
    }

    [Fact]
    public void A_path_just_under_the_limit_is_still_asked()
    {
        string folder = Directory.CreateTempSubdirectory("wit-fs-").FullName;
        try
        {
            string file = Path.Combine(folder, "a.wit");
            File.WriteAllText(file, "package a:b;\n");
            Assert.True(file.Length < ServerFileSystem.MaxPathLength);
            Assert.True(ServerFileSystem.Instance.FileExists(file));
            Assert.Equal("package a:b;\n", ServerFileSystem.Instance.ReadAllText(file));
            Assert.Contains(file, ServerFileSystem.Instance.GetFiles(folder));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
