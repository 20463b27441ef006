namespace Wit.Protocol.Tests;

/// <summary>The params of the test handlers.</summary>
public sealed class TestParams
{
    public required string Text { get; set; }

    public int Number { get; set; }
}
