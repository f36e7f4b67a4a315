using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Primitives;

namespace AgentTasks.Emulator.Api;

/// <summary>The token of an <c>Authorization: Bearer X</c> (or <c>token X</c>) header.</summary>
internal sealed partial record AuthToken(string Value)
{
    private const long DefaultUserId = 1;

    /// <summary>GitHub App installation tokens, which the agent tasks API refuses.</summary>
    public bool IsInstallationToken => Value.StartsWith("ghs_", StringComparison.Ordinal);

    /// <summary>The authenticated user: <c>1</c>, unless the token is <c>emu_user_&lt;id&gt;_...</c>, so tests can act as several users.</summary>
    public long UserId
    {
        get
        {
            var match = EmulatedUser().Match(Value);
            return match.Success && long.TryParse(match.Groups["id"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                ? id
                : DefaultUserId;
        }
    }

    /// <summary>Lets a test check which token came without the request log holding it.</summary>
    public string Sha256 => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Value)));

    /// <summary>The token, or null when the header is missing or is not one scheme and one token.</summary>
    public static AuthToken? FromHeader(StringValues header)
    {
        if (header.Count != 1)
        {
            return null;
        }

        var match = Authorization().Match(header.ToString());
        return match.Success ? new AuthToken(match.Groups["token"].Value) : null;
    }

    // A token is printable ASCII, as GitHub's are (case is ignored for the scheme only: ignoring it for the token would
    // let the Kelvin sign pass for a k); \z, since $ would also match before a final newline.
    [GeneratedRegex(@"^(?i:bearer|token) +(?<token>[!-~]+) *\z", RegexOptions.CultureInvariant)]
    private static partial Regex Authorization();

    [GeneratedRegex(@"^emu_user_(?<id>[0-9]{1,18})_")]
    private static partial Regex EmulatedUser();
}
