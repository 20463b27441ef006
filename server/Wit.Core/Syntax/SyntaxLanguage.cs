namespace Wit.Core.Syntax;

public enum SyntaxLanguage
{
    Wit,
    Witx,
}
