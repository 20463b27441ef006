using Xunit;

namespace Wit.Cli.Tests;

/// <summary>
/// <see cref="LocaleCharset"/> says UTF-8 only where .NET's own reading of the locale (the first of LC_ALL, LC_MESSAGES
/// and LANG set and not blank; the character set after the dot, before an @) gives UTF-8 or nothing.
/// </summary>
public class LocaleCharsetTests
{
    [Theory]
    [InlineData(null, null, null, true)]
    [InlineData("", " ", "", true)]
    [InlineData(null, null, "C", true)]
    [InlineData(null, null, "POSIX", true)]
    [InlineData(null, null, "C.UTF-8", true)]
    [InlineData(null, null, "en_US.utf8", true)]
    [InlineData(null, null, "de_DE.UTF-8@euro", true)]
    [InlineData(null, null, "en_US.Utf-8", true)]
    [InlineData("en_US.UTF-8", null, "en_US.ISO-8859-1", true)]
    [InlineData(null, "fr_FR.UTF-8", "fr_FR.ISO-8859-1", true)]
    [InlineData(" ", null, "C.UTF-8", true)]
    [InlineData(null, null, "en_US.ISO-8859-1", false)]
    [InlineData(null, null, "de_DE.ISO-8859-15@euro", false)]
    [InlineData("en_US.ISO-8859-1", null, "C.UTF-8", false)]
    [InlineData(null, "ja_JP.eucJP", "C.UTF-8", false)]
    [InlineData(null, null, "C.", false)]
    [InlineData(null, null, "C.UTF-16", false)]
    [InlineData(null, null, "C.UTF-8x", false)]
    public void Only_a_locale_that_means_utf8_for_certain_is_taken_as_utf8(string? lcAll, string? lcMessages, string? lang, bool utf8)
    {
        Assert.Equal(utf8, LocaleCharset.IsUtf8(lcAll, lcMessages, lang));
    }
}
