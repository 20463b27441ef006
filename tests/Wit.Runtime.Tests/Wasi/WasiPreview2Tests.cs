using System;
using System.IO;
using System.Linq;
using System.Text;
using Wit.Runtime.Canonical;
using Wit.Runtime.Wasi;
using Wit.Runtime.Wasi.Preview2;
using Xunit;
using static Wit.Runtime.Tests.Wasi.Preview2Host;

namespace Wit.Runtime.Tests.Wasi;

/// <summary>The WASI 0.2 host's functions called directly with component values, as a component's imports call them.</summary>
public sealed class WasiPreview2Tests
{
    private const uint Read = 1, Write = 2, Mutate = 32;
    private const uint Create = 1, DirectoryFlag = 2, Exclusive = 4, Truncate = 8;

    private static uint Code(ErrorCode code) => (uint)code;

    private static ComponentValue Str(string s) => ComponentValue.String(s);

    private static ComponentValue NoFollow => ComponentValue.Flags(0);

    private static ComponentValue Follow => ComponentValue.Flags(1);

    [Fact]
    public void Environment_arguments_and_cwd_are_the_options()
    {
        using var host = new Preview2Host(false, "", "prog", "a b", "ü");
        Assert.Equal(new[] { "prog", "a b", "ü" }, host.Call("cli/environment", "get-arguments")!.Items.Select(i => i.Text));
        var env = host.Call("cli/environment", "get-environment")!.Items;
        Assert.Equal(new[] { "GREETING=hi", "EMPTY=" }, env.Select(p => p.Items[0].Text + "=" + p.Items[1].Text));
        Assert.Equal(ComponentValue.Some(Str("/sandbox")), host.Call("cli/environment", "initial-cwd"));
    }

    [Theory]
    [InlineData("exit", 0u, 0)]
    [InlineData("exit", 1u, 1)]
    [InlineData("exit-with-code", 3u, 3)]
    public void Exit_throws_the_exit_code(string function, uint argument, int expected)
    {
        using var host = new Preview2Host();
        var arg = function == "exit" ? ComponentValue.Case(argument) : ComponentValue.U8((byte)argument);
        var e = Assert.Throws<WasiExitException>(() => host.Call("cli/exit", function, arg));
        Assert.Equal(expected, e.ExitCode);
    }

    [Fact]
    public void Stdout_and_stderr_receive_writes_and_stdin_reads_until_closed()
    {
        using var host = new Preview2Host(false, "in");
        var stdout = ComponentValue.Borrow((uint)host.Call("cli/stdout", "get-stdout")!.Bits);
        var stderr = ComponentValue.Borrow((uint)host.Call("cli/stderr", "get-stderr")!.Bits);
        Assert.Equal(0UL, host.Call("io/streams", "[method]output-stream.blocking-write-and-flush", stdout, WasiPreview2.Bytes("out\n"u8))!.Bits);
        var permit = Ok(host.Call("io/streams", "[method]output-stream.check-write", stderr)!).Bits;
        Assert.True(permit >= 4096);
        Ok(host.Call("io/streams", "[method]output-stream.write", stderr, WasiPreview2.Bytes("err"u8))!);
        Ok(host.Call("io/streams", "[method]output-stream.blocking-flush", stderr)!);
        Assert.Equal("out\n", Encoding.UTF8.GetString(host.Stdout.ToArray()));
        Assert.Equal("err", Encoding.UTF8.GetString(host.Stderr.ToArray()));

        var stdin = ComponentValue.Borrow((uint)host.Call("cli/stdin", "get-stdin")!.Bits);
        var read = Ok(host.Call("io/streams", "[method]input-stream.blocking-read", stdin, ComponentValue.U64(100))!);
        Assert.Equal("in", Encoding.UTF8.GetString(WasiPreview2.BytesOf(read)));
        var closed = host.Call("io/streams", "[method]input-stream.read", stdin, ComponentValue.U64(100))!;
        Assert.Equal(ComponentValue.Err(ComponentValue.Case(1)), closed);
        Assert.Equal(ComponentValue.None, host.Call("cli/terminal-stdout", "get-terminal-stdout"));
    }

    [Fact]
    public void A_dropped_stream_is_gone_and_using_it_traps()
    {
        using var host = new Preview2Host();
        uint rep = (uint)host.Call("cli/stdout", "get-stdout")!.Bits;
        Assert.True(host.Linker.TryGetResource("wasi:io/streams@0.2.3", "output-stream", out var type));
        type.Destructor!(rep);
        var e = Assert.Throws<WasmException>(() => host.Call("io/streams", "[method]output-stream.check-write", ComponentValue.Borrow(rep)));
        Assert.Equal(WasmErrorKind.Trap, e.Kind);
    }

    [Fact]
    public void Clocks_and_poll()
    {
        using var host = new Preview2Host();
        ulong a = host.Call("clocks/monotonic-clock", "now")!.Bits;
        ulong b = host.Call("clocks/monotonic-clock", "now")!.Bits;
        Assert.True(b >= a);
        var wall = host.Call("clocks/wall-clock", "now")!;
        Assert.InRange((long)wall.Items[0].Bits, DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 5, DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 5);
        Assert.True(wall.Items[1].Bits < 1_000_000_000);

        var later = ComponentValue.Borrow((uint)host.Call("clocks/monotonic-clock", "subscribe-duration", ComponentValue.U64(20_000_000))!.Bits);
        var never = ComponentValue.Borrow((uint)host.Call("clocks/monotonic-clock", "subscribe-duration", ComponentValue.U64(ulong.MaxValue))!.Bits);
        Assert.False(host.Call("io/poll", "[method]pollable.ready", later)!.Bits != 0);
        var ready = host.Call("io/poll", "poll", ComponentValue.List(never, later))!;
        Assert.Equal(ComponentValue.List(ComponentValue.U32(1)), ready);
        Assert.True(host.Call("clocks/monotonic-clock", "now")!.Bits - b >= 20_000_000);
        Assert.Throws<WasmException>(() => host.Call("io/poll", "poll", ComponentValue.List()));
    }

    [Fact]
    public void Random_bytes_have_the_asked_length_and_vary()
    {
        using var host = new Preview2Host();
        var x = host.Call("random/random", "get-random-bytes", ComponentValue.U64(32))!;
        var y = host.Call("random/random", "get-random-bytes", ComponentValue.U64(32))!;
        Assert.Equal(32, x.Items.Count);
        Assert.NotEqual(x, y);
        Assert.Equal(7, host.Call("random/insecure", "get-insecure-random-bytes", ComponentValue.U64(7))!.Items.Count);
        Assert.Equal(host.Call("random/insecure-seed", "insecure-seed"), host.Call("random/insecure-seed", "insecure-seed"));
        Assert.Throws<WasmException>(() => host.Call("random/random", "get-random-bytes", ComponentValue.U64(1UL << 40)));
    }

    [Fact]
    public void Files_are_created_written_read_listed_renamed_and_removed_under_the_preopen()
    {
        using var host = new Preview2Host();
        var root = host.Root();
        Ok(host.Fs("create-directory-at", root, Str("data")));
        Assert.Equal(Code(ErrorCode.Exist), ErrorOf(host.Fs("create-directory-at", root, Str("data"))));
        var (file, error) = host.Open(root, "data/x.txt", Create | Truncate, Read | Write);
        Assert.Null(error);
        var output = ComponentValue.Borrow((uint)Ok(host.Fs("write-via-stream", file!, ComponentValue.U64(0))).Bits);
        Ok(host.Call("io/streams", "[method]output-stream.blocking-write-and-flush", output, WasiPreview2.Bytes("hello"u8))!);
        Assert.Equal("hello", File.ReadAllText(Path.Combine(host.Sandbox, "data", "x.txt")));
        Assert.Equal(2UL, Ok(host.Fs("write", file!, WasiPreview2.Bytes("!!"u8), ComponentValue.U64(5))).Bits);

        var input = ComponentValue.Borrow((uint)Ok(host.Fs("read-via-stream", file!, ComponentValue.U64(1))).Bits);
        var bytes = Ok(host.Call("io/streams", "[method]input-stream.blocking-read", input, ComponentValue.U64(100))!);
        Assert.Equal("ello!!", Encoding.UTF8.GetString(WasiPreview2.BytesOf(bytes)));
        var direct = Ok(host.Fs("read", file!, ComponentValue.U64(3), ComponentValue.U64(0)));
        Assert.Equal("hel", Encoding.UTF8.GetString(WasiPreview2.BytesOf(direct.Items[0])));

        var stat = Ok(host.Fs("stat-at", root, Follow, Str("data/x.txt")));
        Assert.Equal((ulong)DescriptorType.RegularFile, stat.Items[0].Bits);
        Assert.Equal(7UL, stat.Items[2].Bits);
        Assert.Equal((ulong)DescriptorType.RegularFile, Ok(host.Fs("get-type", file!)).Bits);

        var (dir, _) = host.Open(root, "data", DirectoryFlag, Read);
        var entries = ComponentValue.Borrow((uint)Ok(host.Fs("read-directory", dir!)).Bits);
        var first = Ok(host.Call("filesystem/types", "[method]directory-entry-stream.read-directory-entry", entries)!);
        Assert.Equal("x.txt", first.Payload!.Items[1].Text);
        Assert.Equal(ComponentValue.None, Ok(host.Call("filesystem/types", "[method]directory-entry-stream.read-directory-entry", entries)!));

        Ok(host.Fs("rename-at", root, Str("data/x.txt"), dir!, Str("y.txt")));
        Assert.True(File.Exists(Path.Combine(host.Sandbox, "data", "y.txt")));
        Assert.Equal(Code(ErrorCode.NotEmpty), ErrorOf(host.Fs("remove-directory-at", root, Str("data"))));
        Assert.Equal(Code(ErrorCode.IsDirectory), ErrorOf(host.Fs("unlink-file-at", root, Str("data"))));
        Ok(host.Fs("unlink-file-at", dir!, Str("y.txt")));
        Ok(host.Fs("remove-directory-at", root, Str("data")));
        Assert.Empty(Directory.EnumerateFileSystemEntries(host.Sandbox));
    }

    [Fact]
    public void Open_reports_missing_existing_and_wrong_kinds_as_error_codes()
    {
        using var host = new Preview2Host();
        var root = host.Root();
        File.WriteAllText(Path.Combine(host.Sandbox, "f"), "x");
        Assert.Equal(Code(ErrorCode.NoEntry), host.Open(root, "missing", 0, Read).Error);
        Assert.Equal(Code(ErrorCode.Exist), host.Open(root, "f", Create | Exclusive, Write).Error);
        Assert.Equal(Code(ErrorCode.NotDirectory), host.Open(root, "f", DirectoryFlag, Read).Error);
        Assert.Equal(Code(ErrorCode.NotDirectory), host.Open(root, "f/g", 0, Read).Error);
        Assert.Equal(Code(ErrorCode.IsDirectory), host.Open(root, ".", 0, Write).Error);
        var (readOnly, _) = host.Open(root, "f", 0, Read);
        Assert.Equal(Code(ErrorCode.BadDescriptor), ErrorOf(host.Fs("write-via-stream", readOnly!, ComponentValue.U64(0))));
        Assert.Equal(Code(ErrorCode.NotDirectory), ErrorOf(host.Fs("open-at", readOnly!, Follow, Str("x"), ComponentValue.Flags(0), ComponentValue.Flags(Read))));
    }

    /// <summary>Every way out of the preopen is refused, and nothing outside is read, made or changed.</summary>
    [Theory]
    [InlineData("../outside/secret.txt")]
    [InlineData("/etc/passwd")]
    [InlineData("a/../../outside/secret.txt")]
    [InlineData("a/../..")]
    [InlineData("..")]
    [InlineData("up/secret.txt")]
    [InlineData("abs")]
    [InlineData("a/up2/secret.txt")]
    [InlineData("chain")]
    public void Escapes_are_refused_as_not_permitted(string path)
    {
        using var host = new Preview2Host();
        var root = host.Root();
        Directory.CreateDirectory(Path.Combine(host.Sandbox, "a"));
        File.CreateSymbolicLink(Path.Combine(host.Sandbox, "up"), "../outside");
        File.CreateSymbolicLink(Path.Combine(host.Sandbox, "a", "up2"), "../../outside");
        File.CreateSymbolicLink(Path.Combine(host.Sandbox, "abs"), Path.Combine(host.Outside, "secret.txt"));
        File.CreateSymbolicLink(Path.Combine(host.Sandbox, "chain"), "a/up2/secret.txt");
        uint notPermitted = Code(ErrorCode.NotPermitted);

        Assert.Equal(notPermitted, host.Open(root, path, 0, Read).Error);
        Assert.Equal(notPermitted, host.Open(root, path, Create | Truncate, Write).Error);
        Assert.Equal(notPermitted, ErrorOf(host.Fs("stat-at", root, Follow, Str(path))));
        Assert.Equal(notPermitted, ErrorOf(host.Fs("metadata-hash-at", root, Follow, Str(path))));
        Assert.Equal(notPermitted, ErrorOf(host.Fs("create-directory-at", root, Str(path + "/new"))));
        Assert.Equal(notPermitted, ErrorOf(host.Fs("unlink-file-at", root, Str(path + "/secret.txt"))));
        Assert.Equal(notPermitted, ErrorOf(host.Fs("rename-at", root, Str("a"), root, Str(path + "/moved"))));
        Assert.Equal(notPermitted, ErrorOf(host.Fs("symlink-at", root, Str("a"), Str(path + "/link"))));
        Assert.Equal(new[] { "secret.txt" }, Directory.EnumerateFileSystemEntries(host.Outside).Select(Path.GetFileName));
        Assert.Equal("secret", File.ReadAllText(Path.Combine(host.Outside, "secret.txt")));
        Assert.True(Directory.Exists(Path.Combine(host.Sandbox, "a")));
    }

    [Fact]
    public void Symlinks_inside_the_preopen_work_and_loops_are_bounded()
    {
        using var host = new Preview2Host();
        var root = host.Root();
        Directory.CreateDirectory(Path.Combine(host.Sandbox, "a", "b"));
        File.WriteAllText(Path.Combine(host.Sandbox, "a", "b", "f"), "inside");
        File.CreateSymbolicLink(Path.Combine(host.Sandbox, "a", "toB"), "b");
        File.CreateSymbolicLink(Path.Combine(host.Sandbox, "back"), "a/b/../toB/f");
        File.CreateSymbolicLink(Path.Combine(host.Sandbox, "loop1"), "loop2");
        File.CreateSymbolicLink(Path.Combine(host.Sandbox, "loop2"), "loop1");

        var (file, error) = host.Open(root, "back", 0, Read);
        Assert.Null(error);
        Assert.Equal("inside", Encoding.UTF8.GetString(WasiPreview2.BytesOf(Ok(host.Fs("read", file!, ComponentValue.U64(10), ComponentValue.U64(0))).Items[0])));
        Assert.Equal(Code(ErrorCode.Loop), host.Open(root, "loop1", 0, Read).Error);
        Assert.Equal(Code(ErrorCode.Loop), host.Open(root, "back", 0, Read, follow: false).Error);
        Assert.Equal((ulong)DescriptorType.SymbolicLink, Ok(host.Fs("stat-at", root, NoFollow, Str("back"))).Items[0].Bits);
        Assert.Equal("a/b/../toB/f", Ok(host.Fs("readlink-at", root, Str("back"))).Text);
        Assert.Equal(Code(ErrorCode.NotPermitted), ErrorOf(host.Fs("symlink-at", root, Str("/etc"), Str("l"))));
        Ok(host.Fs("symlink-at", root, Str("a/b/f"), Str("l")));
        Assert.Equal("a/b/f", new FileInfo(Path.Combine(host.Sandbox, "l")).LinkTarget);
    }

    [Fact]
    public void A_read_only_preopen_refuses_every_change()
    {
        using var host = new Preview2Host(readOnly: true);
        var root = host.Root();
        File.WriteAllText(Path.Combine(host.Sandbox, "f"), "x");
        uint notPermitted = Code(ErrorCode.NotPermitted);
        Assert.Equal(notPermitted, host.Open(root, "f", 0, Write).Error);
        Assert.Equal(notPermitted, host.Open(root, "g", Create, Read).Error);
        Assert.Equal(notPermitted, ErrorOf(host.Fs("unlink-file-at", root, Str("f"))));
        Assert.Equal(notPermitted, ErrorOf(host.Fs("create-directory-at", root, Str("d"))));
        Assert.Null(host.Open(root, "f", 0, Read).Error);
        Assert.Equal(new[] { "f" }, Directory.EnumerateFileSystemEntries(host.Sandbox).Select(Path.GetFileName));
    }

    [Fact]
    public void The_directory_itself_cannot_be_removed_or_renamed_through_dot_paths()
    {
        using var host = new Preview2Host();
        var root = host.Root();
        Assert.Equal(Code(ErrorCode.Invalid), ErrorOf(host.Fs("remove-directory-at", root, Str("."))));
        Assert.Equal(Code(ErrorCode.Invalid), ErrorOf(host.Fs("rename-at", root, Str("a/.."), root, Str("b"))));
        Assert.Equal(Code(ErrorCode.Invalid), ErrorOf(host.Fs("stat-at", root, Follow, Str(""))));
        Assert.True(Directory.Exists(host.Sandbox));
    }

    [Fact]
    public void A_missing_preopen_is_a_usage_error()
    {
        var e = Assert.Throws<WasmException>(() => WasiPreview2.AddTo(new Component.ComponentLinker(), new WasiPreview2Options
        {
            Preopens = new[] { new WasiPreopen("/nonexistent/wasi2-test", "/x") },
        }));
        Assert.Contains("does not exist", e.Message);
    }
}
