using System;
using System.Threading.Tasks;
using Wit.DebugAdapter.Session;

namespace Wit.DebugAdapter;

/// <summary>
/// Entry point: <c>wit-debug-adapter</c> talks the Debug Adapter Protocol over standard input and output. Logs go to
/// standard error (stdout is the protocol).
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        foreach (var arg in args)
        {
            if (arg is "--version")
            {
                Console.Out.WriteLine(typeof(Program).Assembly.GetName().Version?.ToString(3) ?? "0.0.0");
                return 0;
            }
            if (arg is "--help" or "-h")
            {
                Console.Out.WriteLine("usage: wit-debug-adapter   (the Debug Adapter Protocol over stdin and stdout)");
                return 0;
            }
            if (arg is not "--stdio")
            {
                Console.Error.WriteLine($"wit-debug-adapter: unknown argument '{arg}'");
                return 2;
            }
        }
        var log = Console.Error;
        var session = new DebugSession(Console.OpenStandardInput(), Console.OpenStandardOutput(), message => log.WriteLine(message));
        await session.RunAsync().ConfigureAwait(false);
        return 0;
    }
}
