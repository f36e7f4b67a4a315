using System.Security.Cryptography;
using Microsoft.Extensions.Primitives;

namespace AgentTasks.Emulator.Api;

/// <summary>Weak ETags over response bodies, and the <c>If-None-Match</c> check.</summary>
internal static class EntityTag
{
    public static string For(byte[] body) => $"W/\"{Convert.ToHexStringLower(SHA256.HashData(body))[..40]}\"";

    /// <summary>Weak comparison, as RFC 9110 asks for <c>If-None-Match</c>: <c>W/</c> prefixes do not matter.</summary>
    public static bool Matches(StringValues ifNoneMatch, string etag)
    {
        var wanted = Opaque(etag);
        return ifNoneMatch
            .SelectMany(value => (value ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .Any(candidate => candidate == "*" || Opaque(candidate) == wanted);
    }

    private static string Opaque(string tag) => tag.StartsWith("W/", StringComparison.Ordinal) ? tag[2..] : tag;
}
