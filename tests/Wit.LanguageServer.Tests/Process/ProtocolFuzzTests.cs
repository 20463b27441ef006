using System.IO;
using System.Threading.Tasks;
using Wit.ProtocolFuzz;
using Xunit;
using Xunit.Abstractions;

namespace Wit.LanguageServer.Tests.Process;

/// <summary>
/// A short seeded slice of the protocol fuzzer (<c>tests/Wit.ProtocolFuzz</c>) against the server process: every class
/// of abuse but the large documents, with a small "slow" document. The long run is documented in CONTRIBUTING.md.
/// </summary>
public class ProtocolFuzzTests
{
    private readonly ITestOutputHelper _output;

    public ProtocolFuzzTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task Every_class_of_abuse_is_answered_and_the_server_still_answers_a_hover()
    {
        var log = new StringWriter();
        var fuzzer = new ProtocolFuzzer(new[] { "dotnet", ServerProcess.ServerDll }, seed: 7, scale: 1, log) { SlowDocumentLength = 20_000, SettleTime = System.TimeSpan.Zero };
        try
        {
            bool ok = await fuzzer.RunAsync(large: false);
            _output.WriteLine(log.ToString());
            Assert.True(ok, log.ToString());
            Assert.All(fuzzer.Results, r => Assert.True(r.Holds, r.ToString()));
        }
        finally
        {
            fuzzer.Cleanup();
        }
    }
}
