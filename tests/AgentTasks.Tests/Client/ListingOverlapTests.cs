using System.Net;
using System.Text;
using AgentTasks.Core;
using AgentTasks.Core.Requests;
using AgentTasks.Tests.Support;

namespace AgentTasks.Tests.Client;

/// <summary>From the second page on, while the caller works on a page, the next one is already being fetched; but a
/// listing never has more than one request in flight, as GitHub asks of clients.</summary>
public class ListingOverlapTests
{
    /// <summary>Pages of two, two and one, each answer a little slow; counts the requests in flight at once.</summary>
    private sealed class SlowPages : HttpMessageHandler
    {
        private int inFlight;

        public int MostInFlight { get; private set; }
        public List<int> Started { get; } = new();

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var now = Interlocked.Increment(ref inFlight);
            lock (Started)
            {
                MostInFlight = Math.Max(MostInFlight, now);
                var number = System.Text.RegularExpressions.Regex.Match(request.RequestUri!.Query, @"[?&]page=(\d+)").Groups[1].Value;
                Started.Add(int.Parse(number, System.Globalization.CultureInfo.InvariantCulture));
            }
            try
            {
                int page;
                lock (Started)
                {
                    page = Started[^1];
                }

                await Task.Delay(50, cancellationToken);
                // The last page is short, and no Link says more: the listing ends there.
                var ids = page < 3 ? new[] { $"t{page}a", $"t{page}b" } : new[] { $"t{page}a" };
                var body = $"{{\"tasks\":[{string.Join(",", ids.Select(id => $"{{\"id\":\"{id}\",\"state\":\"queued\",\"created_at\":\"2026-01-01T00:00:00Z\"}}"))}]}}";
                var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
                if (page < 3)
                {
                    response.Headers.TryAddWithoutValidation("Link", $"<https://api.github.com/agents/tasks?per_page=2&page={page + 1}>; rel=\"next\"");
                }

                return response;
            }
            finally
            {
                Interlocked.Decrement(ref inFlight);
            }
        }
    }

    [Fact]
    public async Task TheNextPageIsFetchedWhileTheCallerWorksButNeverTwoAtOnce()
    {
        var handler = new SlowPages();
        var client = new CopilotTaskClient(Clients.Options(new Uri("https://api.github.com/"), http: new HttpClient(handler)));
        var listing = client.ListUserTasks(new UserTaskQuery { PageSize = 2 });
        var ids = new List<string>();
        var startedWhileWorking = new List<int>();

        for (var page = await listing.NextPageAsync(); page is not null; page = await listing.NextPageAsync())
        {
            ids.AddRange(page.Select(t => t.Id));
            // The caller's own work on this page (writing it to the pipeline, say).
            await Task.Delay(300);
            lock (handler.Started)
            {
                startedWhileWorking.Add(handler.Started.Count);
            }
        }

        Assert.Equal(new[] { "t1a", "t1b", "t2a", "t2b", "t3a" }, ids);
        Assert.Equal(1, handler.MostInFlight);
        Assert.Equal(new[] { 1, 2, 3 }, handler.Started);
        // Page 2 is asked for when page 1 is done with (a caller may stop after one page); page 3 while page 2 is worked on.
        Assert.Equal(new[] { 1, 3, 3 }, startedWhileWorking);
    }

    [Fact]
    public async Task NothingIsFetchedAheadOnceFirstIsReached()
    {
        var handler = new SlowPages();
        var client = new CopilotTaskClient(Clients.Options(new Uri("https://api.github.com/"), http: new HttpClient(handler)));
        var listing = client.ListUserTasks(new UserTaskQuery { PageSize = 2, First = 2 });

        Assert.Equal(2, (await listing.NextPageAsync())!.Count);
        await Task.Delay(200);

        Assert.Null(await listing.NextPageAsync());
        Assert.Equal(new[] { 1 }, handler.Started);
    }
}
