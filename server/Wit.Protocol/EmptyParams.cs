namespace Wit.Protocol;

/// <summary>The parameters of requests and notifications that carry none, such as <c>shutdown</c>, <c>exit</c> and <c>initialized</c>: an absent or null <c>params</c> deserialises to an instance of it.</summary>
public sealed class EmptyParams
{
}
