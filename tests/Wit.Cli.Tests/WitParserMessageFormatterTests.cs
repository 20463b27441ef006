using Wit.Core.Diagnostics;
using Wit.Core.Text;
using Xunit;

namespace Wit.Cli.Tests;

public class WitParserMessageFormatterTests
{
    private static readonly Diagnostic UnknownName = new(ResolveDiagnostics.Wit1001, "interface or world `nonexistent` does not exist\nsecond line", new TextSpan(0, 1));

    [Fact]
    public void A_file_root_has_no_context()
    {
        Assert.Equal(
            "interface or world `nonexistent` does not exist",
            WitParserMessageFormatter.FirstLine(UnknownName, "tests/ui/parse-fail/x.wit", rootIsDirectory: false, inRootPackageParse: true));
    }

    [Fact]
    public void A_directory_root_names_itself_and_the_package_being_parsed()
    {
        Assert.Equal(
            "failed to resolve directory while parsing WIT for path [tests/ui/parse-fail/bad-pkg1]: failed to parse package: tests/ui/parse-fail/bad-pkg1: "
            + "interface or world `nonexistent` does not exist",
            WitParserMessageFormatter.FirstLine(UnknownName, "tests/ui/parse-fail/bad-pkg1/", rootIsDirectory: true, inRootPackageParse: true));
    }

    [Fact]
    public void An_error_of_linking_packages_has_only_the_directory_context()
    {
        Assert.Equal(
            "failed to resolve directory while parsing WIT for path [pkg]: interface or world `nonexistent` does not exist",
            WitParserMessageFormatter.FirstLine(UnknownName, "pkg", rootIsDirectory: true, inRootPackageParse: false));
    }
}
