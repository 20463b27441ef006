using System.Globalization;

namespace Wit.Benchmarks;

/// <summary>Invariant number formatting for the tables.</summary>
internal static class Format
{
    public static string Number(double value, string format = "0.00") => value.ToString(format, CultureInfo.InvariantCulture);

    public static string Integer(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
