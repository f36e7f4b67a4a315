using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Tasks;

namespace AgentTasksBench
{
    // The hand-written client the module is measured against: one HttpClient, per_page=100, the body read as a stream
    // straight into System.Text.Json, Link rel="next" followed until there is none. Each task goes to the pipeline as a
    // JsonElement, a page at a time, so that the pipeline costs both sides the same.
    public static class RawListing
    {
        private static readonly Regex NextLink = new Regex("<([^>]+)>\\s*;\\s*rel=\"next\"", RegexOptions.Compiled);

        public static IEnumerable<JsonElement> List(HttpClient http, string firstUri, string token)
        {
            var next = firstUri;
            while (next != null)
            {
                var (tasks, link) = ReadPageAsync(http, next, token).GetAwaiter().GetResult();
                foreach (var task in tasks)
                {
                    yield return task;
                }

                next = link;
            }
        }

        private static async Task<(List<JsonElement> Tasks, string Next)> ReadPageAsync(HttpClient http, string uri, string token)
        {
            var tasks = new List<JsonElement>(100);
            using (var request = new HttpRequestMessage(HttpMethod.Get, uri))
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                request.Headers.Accept.ParseAdd("application/vnd.github+json");
                request.Headers.Add("X-GitHub-Api-Version", "2026-03-10");
                using (var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false))
                {
                    response.EnsureSuccessStatusCode();
                    using (var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false))
                    using (var page = await JsonDocument.ParseAsync(stream).ConfigureAwait(false))
                    {
                        foreach (var task in page.RootElement.GetProperty("tasks").EnumerateArray())
                        {
                            tasks.Add(task.Clone());
                        }
                    }

                    string next = null;
                    if (response.Headers.TryGetValues("Link", out var links))
                    {
                        var match = NextLink.Match(string.Join(",", links));
                        next = match.Success ? match.Groups[1].Value : null;
                    }

                    return (tasks, next);
                }
            }
        }
    }
}
