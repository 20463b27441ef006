using System.CommandLine;

namespace Wit.Cli;

/// <summary>Arguments shared by several commands.</summary>
public static class CommandArguments
{
    /// <summary>The package root of the resolving commands (check, resolve, lint, abi, witx).</summary>
    public static Argument<string> PackageRoot() =>
        PackagePath("A .wit file, or a directory whose *.wit files form a package (dependencies in its deps/)");

    /// <summary><c>--format</c> with its allowed values; the first is the default.</summary>
    public static Option<string> Format(string description, params string[] allowed)
    {
        var format = new Option<string>("--format") { Description = description, DefaultValueFactory = _ => allowed[0] };
        format.AcceptOnlyFromAmong(allowed);
        return format;
    }

    /// <summary><c>--timings</c>: where the time and memory of the run went, on standard error (<see cref="PhaseTimings"/>).</summary>
    /// <param name="phases">The command's phases as the help lists them, e.g. <c>read, parse, resolve, output</c>.</param>
    public static Option<bool> Timings(string phases) =>
        new("--timings") { Description = $"Print the time of each phase ({phases}) and the memory used on standard error" };

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
