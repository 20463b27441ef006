using System.CommandLine;

namespace Wit.Cli;

/// <summary>Arguments shared by several commands.</summary>
public static class CommandArguments
{
    /// <summary>
    /// The one package root a resolving command takes. An unknown option would otherwise be taken for the path; a
    /// file whose name starts with '-' can be given as ./-name.
    /// </summary>
    public static Argument<string> PackagePath(string description)
    {
        var path = new Argument<string>("path") { Description = description, Arity = ArgumentArity.ExactlyOne };
        path.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
            {
                if (token.Value.Length > 1 && token.Value[0] == '-') result.AddError($"Unrecognized option '{token.Value}'.");
            }
        });
        return path;
    }
}
