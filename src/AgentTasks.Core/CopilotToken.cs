using System;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Security;
using System.Security.Cryptography;
using System.Text;

namespace AgentTasks.Core;

/// <summary>A GitHub token. The value is readable only inside this assembly, where it becomes the
/// Authorization header; <see cref="ToString"/> and every public member show where it came from, never what it is.</summary>
public sealed class CopilotToken
{
    /// <summary>Far above any GitHub token (they are at most a few hundred characters), far below a header limit.</summary>
    internal const int MaxLength = 4096;
    private readonly string value;

    /// <param name="token">The token; white space around it (the newline at the end of a file it was read from) is dropped.</param>
    /// <param name="source">Where it came from, for messages: never the token itself.</param>
    public CopilotToken(string token, string source = "explicit")
    {
        Source = source;
        if (string.IsNullOrWhiteSpace(token))
        {
            throw new ArgumentException($"{Described} is empty.", nameof(token));
        }

        value = token.Trim();
        // HttpClient would refuse a line break or NUL in the header only when sending (a FormatException), cut the
        // token at a NUL, or fail on non-ASCII as if the network broke: refuse all of it here, before any request.
        if (HeaderProblem(value) is { } problem)
        {
            throw new ArgumentException($"{Described} cannot be sent: it holds {problem}. A GitHub token is printable ASCII without spaces; nothing was sent.", nameof(token));
        }
    }

    /// <summary>Reads a SecureString (what -Token takes) into a token, freeing the unmanaged copy at once.</summary>
    public static CopilotToken FromSecureString(SecureString secure, string source = "explicit")
    {
        if (secure is null)
        {
            throw new ArgumentNullException(nameof(secure));
        }

        var pointer = Marshal.SecureStringToGlobalAllocUnicode(secure);
        try
        {
            // With the length: a NUL in the string would otherwise end it there and the rest would go unnoticed.
            return new CopilotToken(Marshal.PtrToStringUni(pointer, secure.Length), source);
        }
        finally
        {
            Marshal.ZeroFreeGlobalAllocUnicode(pointer);
        }
    }

    /// <summary>Where the token came from: <c>explicit</c>, <c>GH_TOKEN</c>, <c>GITHUB_TOKEN</c> or a caller's own label.</summary>
    public string Source { get; }

    /// <summary>GitHub App installation tokens (<c>ghs_</c>, which includes Actions' GITHUB_TOKEN) are refused by the API.</summary>
    public bool IsInstallationToken => value.StartsWith("ghs_", StringComparison.Ordinal);

    internal string Value => value;

    /// <summary>A SHA-256 of the token: tells tokens apart (e.g. in a shared response cache) without holding one.</summary>
    internal string Fingerprint
    {
        get
        {
            using var sha = SHA256.Create();
            return BitConverter.ToString(sha.ComputeHash(Encoding.UTF8.GetBytes(value))).Replace("-", "");
        }
    }

    public override string ToString() => $"[token from {Source}]";

    /// <summary>The token as messages name it: by where it came from.</summary>
    private string Described =>
        Array.IndexOf(TokenResolver.EnvironmentVariables, Source) >= 0 ? $"The token in the {Source} environment variable"
        : Source == "explicit" ? "The token"
        : $"The token from {Source}";

    /// <summary>What makes a token unusable in an Authorization header, and where (never what the token is), or null.</summary>
    private static string? HeaderProblem(string token)
    {
        if (token.Length > MaxLength)
        {
            return $"{token.Length.ToString(CultureInfo.InvariantCulture)} characters, more than any GitHub token (at most {MaxLength.ToString(CultureInfo.InvariantCulture)} are taken): is it a file or another variable";
        }

        for (var i = 0; i < token.Length; i++)
        {
            var c = token[i];
            var problem = c switch
            {
                '\r' or '\n' => "a line break",
                '\0' => "a NUL character",
                _ when char.IsWhiteSpace(c) => "white space",
                _ when char.IsControl(c) => "a control character",
                > '~' => "a character outside ASCII (a look-alike letter, or a typing mistake)",
                _ => null,
            };
            if (problem is not null)
            {
                return $"{problem} at position {(i + 1).ToString(CultureInfo.InvariantCulture)}";
            }
        }

        return null;
    }
}
