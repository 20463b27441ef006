using Wit.Ide.SignatureHelp;
using Wit.Ide.Tests.TestKit;
using Xunit;

namespace Wit.Ide.Tests.SignatureHelp;

public class SignatureHelpTests
{
    /// <summary>Signature help at <c>$0</c>: the active signature's label and the active parameter's label (null: no help).</summary>
    private static void Check(string fixture, string? expectedSignature, string? expectedParameter = null)
    {
        var loaded = IdeFixture.Load(fixture);
        var help = SignatureHelpProvider.Help(loaded.Snapshot, loaded.CursorPath!, loaded.CursorOffset);
        if (expectedSignature is null)
        {
            Assert.Null(help);
            return;
        }

        Assert.NotNull(help);
        var signature = help!.Signatures[help.ActiveSignature];
        Assert.Equal(expectedSignature, signature.Label);
        Assert.Equal(expectedParameter, signature.Parameters[help.ActiveParameter].Label);
        Assert.Contains(expectedParameter!, signature.Label, System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("f: func() -> result<$0", "result<T, E>", "T")]
    [InlineData("f: func() -> result<u32, $0", "result<T, E>", "E")]
    [InlineData("f: func() -> result<list<u8>, $0>;", "result<T, E>", "E")]
    [InlineData("f: func() -> result<list<$0u8>, string>;", "list<T>", "T")]
    [InlineData("f: func() -> list<u8, $0", "list<T, N>", "N")]
    [InlineData("f: func() -> option<$0", "option<T>", "T")]
    [InlineData("f: func() -> map<string, $0", "map<K, V>", "V")]
    [InlineData("f: func() -> tuple<u8, u16, $0", "tuple<T0, T1, T2, ...>", "T2")]
    [InlineData("f: func(x: borrow<$0", "borrow<R>", "R")]
    [InlineData("@since(vers$0\nf: func();", "@since(version = <semver>)", "version = <semver>")]
    [InlineData("@unstable($0)\nf: func();", "@unstable(feature = <name>)", "feature = <name>")]
    public void Active_parameter_follows_the_commas(string member, string signature, string parameter) =>
        Check("package my:pkg;\ninterface i {\n  " + member + "\n}\n", signature, parameter);

    [Theory]
    [InlineData("f: func() -> result<u32, string>;$0")]
    [InlineData("f: func($0);")]
    [InlineData("record r { a: u32, $0 }")]
    public void No_help_outside_an_argument_list(string member) =>
        Check("package my:pkg;\ninterface i {\n  " + member + "\n}\n", null);
}
