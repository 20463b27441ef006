using System;
using System.Runtime.ExceptionServices;
using System.Threading;

namespace Wit.Core.Tests.TestKit;

/// <summary>
/// Runs work on a thread with a fixed, modest stack, so a test of deep input fails the same way on every runner
/// whatever stack the test host's own threads happen to have. (A stack overflow still ends the process: .NET cannot
/// catch it. The test name in the crash report then says which input was too deep.)
/// </summary>
public static class StackLimited
{
    /// <summary>One megabyte: the smallest default among the platforms .NET runs on.</summary>
    public const int DefaultStackSize = 1024 * 1024;

    public static T Run<T>(Func<T> work, int stackSize = DefaultStackSize)
    {
        T result = default!;
        ExceptionDispatchInfo? failure = null;
        var thread = new Thread(
            () =>
            {
                try
                {
                    result = work();
                }
                catch (Exception exception)
                {
                    failure = ExceptionDispatchInfo.Capture(exception);
                }
            },
            stackSize);
        thread.Start();
        thread.Join();
        failure?.Throw();
        return result;
    }
}
