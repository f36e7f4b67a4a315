using System;
using System.Text.RegularExpressions;

namespace AgentTasks.Core.Http;

/// <summary>Reads RFC 8288 <c>Link</c> headers as GitHub sends them: <c>&lt;URL&gt;; rel="next", &lt;URL&gt;; rel="last"</c>.</summary>
internal static class LinkHeader
{
    private static readonly Regex Entry = new(@"<(?<url>[^>]*)>(?<params>[^,<]*)", RegexOptions.CultureInvariant);
    private static readonly Regex Rel = new(@";\s*rel\s*=\s*""?(?<rel>[^"";]+)""?", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    /// <summary>The absolute http(s) URL of the given relation (e.g. "next"), or null. (On Unix a bare "/path"
    /// parses as an absolute file: URI, hence the scheme check.)</summary>
    public static Uri? Find(string? header, string relation)
    {
        if (string.IsNullOrEmpty(header))
        {
            return null;
        }

        foreach (Match entry in Entry.Matches(header))
        {
            var rel = Rel.Match(entry.Groups["params"].Value);
            if (!rel.Success)
            {
                continue;
            }
            // rel may list several space-separated relations.
            foreach (var name in rel.Groups["rel"].Value.Split(' '))
            {
                if (string.Equals(name, relation, StringComparison.OrdinalIgnoreCase)
                    && Uri.TryCreate(entry.Groups["url"].Value.Trim(), UriKind.Absolute, out var url)
                    && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp))
                {
                    return url;
                }
            }
        }
        return null;
    }
}
