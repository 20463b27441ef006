using System;
using System.IO;
using System.Threading.Tasks;

namespace Wit.LanguageServer;

/// <summary>
/// Entry point: <c>wit-language-server [--stdio]</c> talks LSP over standard input and output; <c>--pipe=PATH</c> and
/// <c>--socket=PORT</c> connect to a client listening there. Logs go to standard error (stdout is the protocol).
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        // Queries and diagnostics passes are CPU-bound work on the thread pool; on a machine with few cores they would
        // take every pool thread, and the reader (whose continuations need one) would wait for the pool to grow, half a
        // second a thread, before it sees a $/cancelRequest. A larger minimum keeps the reader and writer responsive.
        System.Threading.ThreadPool.GetMinThreads(out int workers, out int completion);
        System.Threading.ThreadPool.SetMinThreads(Math.Max(workers, 4 * Environment.ProcessorCount + 8), completion);
        _ = Task.Run(Handlers.LifecycleHandler.PrepareSerialization);
        // Standard error without the console's set-up (StandardStream), shared by the threads that log.
        var log = TextWriter.Synchronized(new StreamWriter(StandardStream.Error(), new System.Text.UTF8Encoding(false), 1024) { AutoFlush = true });
        string? pipe = null;
        int? port = null;
        foreach (var arg in args)
        {
            if (arg is "--stdio") continue;
            if (arg is "--version")
            {
                Console.Out.WriteLine(typeof(Program).Assembly.GetName().Version?.ToString(3) ?? "0.0.0");
                return 0;
            }

            if (arg is "--help" or "-h")
            {
                Console.Out.WriteLine("usage: wit-language-server [--stdio | --pipe=PATH | --socket=PORT]");
                return 0;
            }

            if (arg.StartsWith("--pipe=", StringComparison.Ordinal)) pipe = arg.Substring("--pipe=".Length);
            else if (arg.StartsWith("--socket=", StringComparison.Ordinal) && int.TryParse(arg.AsSpan("--socket=".Length), out int p)) port = p;
            else if (arg.StartsWith("--clientProcessId=", StringComparison.Ordinal)) continue;
            else
            {
                log.WriteLine($"wit-language-server: unknown argument '{arg}'");
                return 2;
            }
        }

        Stream input, output;
        IDisposable? connection = null;
        if (pipe is not null || port is not null)
        {
            var stream = pipe is not null ? Protocol.JsonRpcStreams.ConnectPipe(pipe) : Protocol.JsonRpcStreams.ConnectSocket(port!.Value);
            connection = stream;
            input = output = stream;
        }
        else
        {
            input = StandardStream.Input();
            output = StandardStream.Output();
        }

        using (connection)
        {
            var server = new WitLanguageServer(input, output, log: message => log.WriteLine(message));
            return await server.RunAsync().ConfigureAwait(false);
        }
    }
}
