using System.Globalization;

namespace Wit.Conformance.Tests.Report;

/// <summary>Ratios as the report prints them.</summary>
public static class Percent
{
    public static double Ratio(int part, int whole) => whole == 0 ? 1.0 : (double)part / whole;

    /// <summary><c>part/whole (xx.x%)</c>.</summary>
    public static string Of(int part, int whole) =>
        $"{part}/{whole} ({(Ratio(part, whole) * 100).ToString("0.0", CultureInfo.InvariantCulture)}%)";
}
