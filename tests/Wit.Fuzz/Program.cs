using System;
using System.Globalization;
using Wit.Fuzz;
using Wit.TestKit;

// wit-fuzz [--seed N] [--inputs N] [--from K] [--minutes M] [--corpus DIR] [--input N] [--trace]: mutates the corpus and runs every stage on each
// mutant; prints the counts, every exception and broken invariant, and the slowest stage. Exits 1 when any was found.
int seed = 1, inputs = 1_000;
int? only = null;
int from = 0;
double minutes = 60;
string corpus = RepoPaths.Corpus();
bool trace = false;
for (int i = 0; i < args.Length; i += 2)
{
    if (args[i] == "--trace")
    {
        trace = true;
        i--;
        continue;
    }

    if (i + 1 >= args.Length)
    {
        Console.Error.WriteLine($"{args[i]} needs a value");
        return 2;
    }

    switch (args[i])
    {
        case "--seed": seed = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
        case "--inputs": inputs = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
        case "--minutes": minutes = double.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
        case "--corpus": corpus = args[i + 1]; break;
        case "--from": from = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
        case "--input": only = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
        default: Console.Error.WriteLine($"unknown option {args[i]}"); return 2;
    }
}

var runner = new FuzzRunner(seed)
{
    Trace = trace ? Console.Error : null,
    // A hung stage cannot be stopped: print what the run found so far, name the input, and end with exit code 3.
    OnHang = (running, found) =>
    {
        Console.WriteLine($"HANG: {running} ran over {FuzzRunner.HangMilliseconds / 1000:F0} s of wall-clock time (rerun alone with --input)");
        Console.WriteLine($"seed {seed}");
        Console.Write(found);
        Console.Out.Flush();
        Environment.Exit(3);
    },
};
var report = runner.Run(FuzzRunner.CorpusFiles(corpus), inputs, TimeSpan.FromMinutes(minutes), Console.Out, only, from);
Console.WriteLine($"seed {seed}");
Console.Write(report);
return report.Exceptions.Count + report.WhitespaceViolations.Count + report.IncrementalDifferences.Count == 0 ? 0 : 1;
