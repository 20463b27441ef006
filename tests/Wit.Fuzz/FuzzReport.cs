using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace Wit.Fuzz;

/// <summary>What a fuzzing run found: counts, every exception and broken invariant (with its input), and the timings.</summary>
public sealed class FuzzReport
{
    public int Inputs { get; set; }

    public int IncrementalEdits { get; set; }

    public int IncrementalEqual { get; set; }

    public int Formatted { get; set; }

    public List<string> Exceptions { get; } = new();

    public List<string> WhitespaceViolations { get; } = new();

    public List<string> IncrementalDifferences { get; } = new();

    /// <summary>Stages that took longer than the input's budget (a base plus a cost per kilobyte: superlinear work shows up here).</summary>
    public List<string> OverBudget { get; } = new();

    public Dictionary<string, double> StageMilliseconds { get; } = new();

    public (string Stage, double Milliseconds, int Size, string Input) Slowest { get; set; } = ("none", 0, 0, "");

    public void Time(string stage, double milliseconds, int size, string input, double budget)
    {
        StageMilliseconds[stage] = StageMilliseconds.TryGetValue(stage, out double total) ? total + milliseconds : milliseconds;
        if (milliseconds > Slowest.Milliseconds) Slowest = (stage, milliseconds, size, input);
        if (milliseconds > budget) OverBudget.Add($"{stage}: {milliseconds:F0} ms > {budget:F0} ms on {size} characters ({input})");
    }

    public override string ToString()
    {
        var text = new StringBuilder();
        string F(double v) => v.ToString("F0", CultureInfo.InvariantCulture);
        text.AppendLine($"inputs: {Inputs}");
        text.AppendLine($"exceptions: {Exceptions.Count}");
        text.AppendLine($"whitespace-only violations: {WhitespaceViolations.Count} of {Formatted} formatted");
        text.AppendLine($"incremental edits equal to fresh parses: {IncrementalEqual} of {IncrementalEdits}");
        text.AppendLine($"slowest stage: {Slowest.Stage}, {F(Slowest.Milliseconds)} ms on {Slowest.Size} characters ({Slowest.Input})");
        text.AppendLine($"over budget: {OverBudget.Count}");
        text.AppendLine("time per stage (ms): " + string.Join(", ", StageMilliseconds.OrderByDescending(p => p.Value).Select(p => $"{p.Key} {F(p.Value)}")));
        foreach (string line in Exceptions.Take(30)) text.AppendLine("  exception: " + line);
        foreach (string line in WhitespaceViolations.Take(10)) text.AppendLine("  whitespace: " + line);
        foreach (string line in IncrementalDifferences.Take(10)) text.AppendLine("  incremental: " + line);
        foreach (string line in OverBudget.Take(10)) text.AppendLine("  slow: " + line);
        return text.ToString();
    }
}
