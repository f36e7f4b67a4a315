using System;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using System.Security;

namespace AgentTasks.Core;

/// <summary>A GitHub token. The value is readable only inside this assembly, where it becomes the
/// Authorization header; <see cref="ToString"/> and every public member show where it came from, never what it is.</summary>
public sealed class CopilotToken
{
    private readonly string value;

    public CopilotToken(string token, string source = "explicit")
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            throw new ArgumentException("The token is empty.", nameof(token));
        }

        value = token.Trim();
        Source = source;
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
            return new CopilotToken(Marshal.PtrToStringUni(pointer) ?? "", source);
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
}
