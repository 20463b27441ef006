namespace Wit.Conformance.Tests.Corpus;

/// <summary>One wit-parser UI test: its input under upstream's path and what upstream produced for it.</summary>
public sealed class UiCase
{
    public UiCase(string name, string path, bool isDirectory, string expected, bool isUnsupported)
    {
        Name = name;
        Path = path;
        IsDirectory = isDirectory;
        Expected = expected;
        IsUnsupported = isUnsupported;
    }

    /// <summary>The case name (<c>X</c>); parse-fail cases are named without their folder.</summary>
    public string Name { get; }

    /// <summary>The input as upstream named it, e.g. <c>tests/ui/parse-fail/bad-pkg1</c>.</summary>
    public string Path { get; }

    public bool IsDirectory { get; }

    /// <summary>The expectation's text: <c>.wit.json</c> for a passing case, <c>.wit.result</c> for a parse-fail one.</summary>
    public string Expected { get; }

    /// <summary>True when the input or one of its dependencies is a package encoded as a component.</summary>
    public bool IsUnsupported { get; }

    public override string ToString() => Name;
}
