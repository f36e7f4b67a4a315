using System;
using System.Net;
using System.Net.Http;
using System.Runtime.InteropServices;
using System.Threading;

namespace AgentTasks.Core.Http;

/// <summary>One HttpClient for the process: sockets are pooled and reused across calls and runspaces.
/// Per-request headers carry the token, so sharing it shares no identity.</summary>
internal static class SharedHttpClient
{
    private static readonly Lazy<HttpClient> Client = new(Create, LazyThreadSafetyMode.ExecutionAndPublication);

    public static HttpClient Instance => Client.Value;

    private static HttpClient Create()
    {
        if (RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.Ordinal))
        {
            // Windows PowerShell 5.1 may default to TLS 1.0, which GitHub refuses.
            ServicePointManager.SecurityProtocol |= SecurityProtocolType.Tls12;
        }
        var handler = new HttpClientHandler
        {
            // A redirect to another host must not carry the Authorization header: we do not follow any.
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
            UseCookies = false,
        };
        // Timeouts are per request, through a CancellationToken, so they can be told apart from Ctrl+C.
        return new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
    }
}
