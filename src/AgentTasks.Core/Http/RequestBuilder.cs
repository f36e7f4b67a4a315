using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;

namespace AgentTasks.Core.Http;

/// <summary>Builds the HTTP request of an API call: the headers GitHub asks for, the token, the body. The token is
/// read only here, to build the Authorization header.</summary>
internal sealed class RequestBuilder
{
    private readonly CopilotToken token;
    private readonly string apiVersion;

    public RequestBuilder(CopilotToken token, string apiVersion)
    {
        this.token = token;
        this.apiVersion = apiVersion;
    }

    /// <param name="etag">The ETag of the cached answer, sent as If-None-Match, or null.</param>
    public HttpRequestMessage Build(ApiCall call, string? etag)
    {
        var request = new HttpRequestMessage(call.Method, call.Uri);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/vnd.github+json"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Value);
        request.Headers.Add("X-GitHub-Api-Version", apiVersion);
        request.Headers.TryAddWithoutValidation("User-Agent", ClientInfo.UserAgent);
        if (etag is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", etag);
        }

        if (call.JsonBody is not null)
        {
            request.Content = new StringContent(call.JsonBody, Encoding.UTF8, "application/json");
        }

        return request;
    }
}
