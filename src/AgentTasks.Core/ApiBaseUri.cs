using System;
using System.Linq;
using System.Net;
using AgentTasks.Core.Errors;

namespace AgentTasks.Core;

/// <summary>The API's base URI: given, else <c>GITHUB_API_URL</c>, else https://api.github.com. Checked before a
/// token is ever sent to it: https only, except http to a loopback host (the emulator).</summary>
internal static class ApiBaseUri
{
    public static readonly Uri Default = new("https://api.github.com/");
    public const string EnvironmentVariable = "GITHUB_API_URL";

    public static Uri Resolve(Uri? given, Func<string, string?> environment)
    {
        if (given is not null)
        {
            return Validate(given);
        }

        var fromEnvironment = environment(EnvironmentVariable);
        if (string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return Default;
        }

        if (!Uri.TryCreate(fromEnvironment!.Trim(), UriKind.Absolute, out var parsed))
        {
            throw Invalid($"{EnvironmentVariable} is not an absolute URI: expected for example https://api.github.com or https://HOST/api/v3.");
        }

        return Validate(parsed);
    }

    /// <summary>Returns the URI with a trailing slash, so that relative paths append to it (GHES: /api/v3/).</summary>
    public static Uri Validate(Uri uri)
    {
        if (!uri.IsAbsoluteUri)
        {
            throw Invalid($"'{uri}' is not an absolute URI: expected for example https://api.github.com or https://HOST/api/v3.");
        }

        // Uri escapes a newline or a space in the path and goes on; in a base URI it is a mistake (a pasted line
        // break, two values run together), so it is refused rather than turned into %0A. The text is not repeated.
        if (uri.OriginalString.Trim().Any(c => char.IsControl(c) || char.IsWhiteSpace(c)))
        {
            throw Invalid("The base URI holds a control character or white space: expected for example https://api.github.com or https://HOST/api/v3.");
        }
        // Messages name only scheme and authority: user information in a URI may itself be a secret.
        var origin = uri.Scheme + "://" + uri.Authority;
        if (!string.IsNullOrEmpty(uri.UserInfo) || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
        {
            throw Invalid($"The base URI '{origin}/...' must not carry user information, a query or a fragment.");
        }

        if (uri.Scheme != Uri.UriSchemeHttps && !(uri.Scheme == Uri.UriSchemeHttp && IsLoopback(uri)))
        {
            throw Invalid($"'{origin}' is refused: the token is sent only over https, or over http to a loopback address (127.0.0.1, ::1, localhost).");
        }

        var text = uri.GetLeftPart(UriPartial.Path);
        return new Uri(text.EndsWith("/", StringComparison.Ordinal) ? text : text + "/");
    }

    /// <summary>The URI without user information, query or fragment (any of which may hold a secret), for error targets.</summary>
    public static string Redacted(Uri uri) =>
        uri.IsAbsoluteUri ? uri.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped) : "(a relative URI)";

    public static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.DnsSafeHost, out var address) && IPAddress.IsLoopback(address));

    private static CopilotConfigurationException Invalid(string message) =>
        ErrorTable.InvalidBaseUri(message);
}
