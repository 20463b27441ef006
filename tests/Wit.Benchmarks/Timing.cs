namespace Wit.Benchmarks;

/// <summary>
/// The median time of one operation, with the garbage collection pause and the bytes allocated in that median sample,
/// per operation.
/// </summary>
internal readonly record struct Timing(double Milliseconds, double GcPauseMilliseconds, double AllocatedBytes);
