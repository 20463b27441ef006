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

    /// <summary>Stages whose wall-clock time passed <see cref="WallLimitMilliseconds"/> (the machine's load counts here; rerun them alone with <c>--input</c>).</summary>
    public List<string> WallOutliers { get; } = new();

    /// <summary>The limit of one stage on one input, in wall-clock or CPU time.</summary>
    public const double WallLimitMilliseconds = 2000;

    /// <summary>CPU time per stage, summed over inputs.</summary>
    public Dictionary<string, double> StageMilliseconds { get; } = new();

    /// <summary>The stage that took the most CPU time on one input.</summary>
    public (string Stage, double Milliseconds, int Size, string Input) Slowest { get; set; } = ("none", 0, 0, "");

    /// <summary>The stage that took the most wall-clock time on one input.</summary>
    public (string Stage, double Milliseconds, int Size, string Input) SlowestWall { get; set; } = ("none", 0, 0, "");

    /// <summary>How many stage runs took more than <see cref="WallLimitMilliseconds"/> of CPU time.</summary>
    public int OverLimit { get; private set; }

    public void Time(string stage, double cpuMilliseconds, double wallMilliseconds, int size, string input, double budget)
    {
        StageMilliseconds[stage] = StageMilliseconds.TryGetValue(stage, out double total) ? total + cpuMilliseconds : cpuMilliseconds;
        if (cpuMilliseconds > Slowest.Milliseconds) Slowest = (stage, cpuMilliseconds, size, input);
        if (wallMilliseconds > SlowestWall.Milliseconds) SlowestWall = (stage, wallMilliseconds, size, input);
        if (cpuMilliseconds > budget) OverBudget.Add($"{stage}: {cpuMilliseconds:F0} ms CPU > {budget:F0} ms on {size} characters ({input})");
        if (cpuMilliseconds > WallLimitMilliseconds) OverLimit++;
        if (wallMilliseconds > WallLimitMilliseconds) WallOutliers.Add($"{stage}: {wallMilliseconds:F0} ms wall, {cpuMilliseconds:F0} ms CPU on {size} characters ({input})");
    }

    public override string ToString()
    {
        var text = new StringBuilder();
        string F(double v) => v.ToString("F0", CultureInfo.InvariantCulture);
        text.AppendLine($"inputs: {Inputs}");
        text.AppendLine($"exceptions: {Exceptions.Count}");
        text.AppendLine($"whitespace-only violations: {WhitespaceViolations.Count} of {Formatted} formatted");
        text.AppendLine($"incremental edits equal to fresh parses: {IncrementalEqual} of {IncrementalEdits}");
        string clock = ThreadClock.IsCpuTime ? "CPU" : "wall-clock (no thread CPU clock here)";
        text.AppendLine($"slowest stage ({clock}): {Slowest.Stage}, {F(Slowest.Milliseconds)} ms on {Slowest.Size} characters ({Slowest.Input})");
        text.AppendLine($"slowest stage (wall-clock): {SlowestWall.Stage}, {F(SlowestWall.Milliseconds)} ms on {SlowestWall.Size} characters ({SlowestWall.Input})");
        text.AppendLine($"stage runs over {F(WallLimitMilliseconds)} ms: {OverLimit} in {clock} time, {WallOutliers.Count} in wall-clock time");
        text.AppendLine($"over budget ({clock}, 500 ms + 4 ms/KB): {OverBudget.Count}");
        text.AppendLine($"time per stage ({clock}, ms): " + string.Join(", ", StageMilliseconds.OrderByDescending(p => p.Value).Select(p => $"{p.Key} {F(p.Value)}")));
        foreach (string line in Exceptions.Take(30)) text.AppendLine("  exception: " + line);
        foreach (string line in WhitespaceViolations.Take(10)) text.AppendLine("  whitespace: " + line);
        foreach (string line in IncrementalDifferences.Take(10)) text.AppendLine("  incremental: " + line);
        foreach (string line in OverBudget.Take(10)) text.AppendLine("  slow: " + line);
        foreach (string line in WallOutliers.Take(20)) text.AppendLine("  wall: " + line);
        return text.ToString();
    }
}
