using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using AgentTasks.Core;
using AgentTasks.Core.Requests;
using AgentTasks.Tests.Support;

namespace AgentTasks.Tests.Client;

/// <summary>From the second page on, the next page is asked for as soon as the page waited for has come, before it is
/// parsed and while the caller works on the last; but a listing never has more than one request in flight, as GitHub
/// asks of clients, not even when it retries a page or names repositories.</summary>
public class ListingOverlapTests
{
    /// <summary>Pages of two, two and one, each answer a little slow and its body slower; records each request ("p2",
    /// "repo42") and counts the requests in flight at once, each until its body has been read to the end.</summary>
    private sealed class SlowPages : HttpMessageHandler
    {
        private int inFlight;
        private bool garbledOnce;

        public int MostInFlight { get; private set; }
        public List<string> Started { get; } = new();
        /// <summary>This page's first answer is not JSON (so it is parsed, fails and is asked for again).</summary>
        public int GarbledPage { get; init; }
        /// <summary>This page's tasks carry only repository.id 42, which the listing names with GET /repositories/42.</summary>
        public int PageOfRepository42 { get; init; }
        /// <summary>How long an answer takes, by request ("p3", "repo42"); 50 ms for the others.</summary>
        public Dictionary<string, int> Delays { get; init; } = new();

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var now = Interlocked.Increment(ref inFlight);
            var answered = false;
            try
            {
                var number = Regex.Match(request.RequestUri!.Query, @"[?&]page=(\d+)").Groups[1].Value;
                var page = number.Length > 0 ? int.Parse(number, System.Globalization.CultureInfo.InvariantCulture) : 0;
                var name = page > 0 ? $"p{page}" : "repo42";
                lock (Started)
                {
                    MostInFlight = Math.Max(MostInFlight, now);
                    Started.Add(name);
                }

                await Task.Delay(Delays.TryGetValue(name, out var delay) ? delay : 50, cancellationToken);
                answered = true;
                if (page == 0)
                {
                    return Json("{\"id\":42,\"full_name\":\"octo-org/named\"}");
                }

                string body;
                lock (Started)
                {
                    body = page == GarbledPage && !garbledOnce ? "<html>busy</html>" : PageBody(page);
                    garbledOnce |= page == GarbledPage;
                }

                var response = Json(body);
                // The last page is short, and no Link says more: the listing ends there.
                if (page < 3)
                {
                    response.Headers.TryAddWithoutValidation("Link", $"<https://api.github.com/agents/tasks?per_page=2&page={page + 1}>; rel=\"next\"");
                }

                return response;
            }
            finally
            {
                if (!answered)
                {
                    Interlocked.Decrement(ref inFlight);
                }
            }
        }

        private string PageBody(int page)
        {
            var ids = page < 3 ? new[] { $"t{page}a", $"t{page}b" } : new[] { $"t{page}a" };
            var repository = page == PageOfRepository42 ? ",\"repository\":{\"id\":42}" : "";
            return $"{{\"tasks\":[{string.Join(",", ids.Select(id => $"{{\"id\":\"{id}\",\"state\":\"queued\",\"created_at\":\"2026-01-01T00:00:00Z\"{repository}}}"))}]}}";
        }

        private HttpResponseMessage Json(string body)
        {
            var content = new StreamContent(new SlowBody(Encoding.UTF8.GetBytes(body), () => Interlocked.Decrement(ref inFlight)));
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
        }
    }

    /// <summary>A body whose first read waits 30 ms, and that says once when it has been read to the end (or given up).</summary>
    private sealed class SlowBody : MemoryStream
    {
        private Action? ended;
        private bool started;

        public SlowBody(byte[] bytes, Action ended)
            : base(bytes) => this.ended = ended;

        public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            End(await ReadSlowly(buffer.AsMemory(offset, count), cancellationToken));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            End(await ReadSlowly(buffer, cancellationToken));

        protected override void Dispose(bool disposing)
        {
            End(0);
            base.Dispose(disposing);
        }

        private async Task<int> ReadSlowly(Memory<byte> buffer, CancellationToken cancellationToken)
        {
            if (!started)
            {
                started = true;
                await Task.Delay(30, cancellationToken);
            }

            return await base.ReadAsync(buffer, cancellationToken);
        }

        private int End(int read)
        {
            if (read == 0)
            {
                Interlocked.Exchange(ref ended, null)?.Invoke();
            }

            return read;
        }
    }

    private static TaskListing List(SlowPages handler, ulong? first = null) =>
        new CopilotTaskClient(Clients.Options(new Uri("https://api.github.com/"), http: new HttpClient(handler)))
            .ListUserTasks(new UserTaskQuery { PageSize = 2, First = first });

    private static async Task<List<string>> ReadIds(TaskListing listing) =>
        (await OperationsTests.ReadAll(listing)).Select(t => t.Id).ToList();

    [Fact]
    public async Task TheNextPageIsFetchedWhileTheCallerWorksButNeverTwoAtOnce()
    {
        var handler = new SlowPages();
        var listing = List(handler);
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
        Assert.Equal(new[] { "p1", "p2", "p3" }, handler.Started);
        // Page 2 is asked for when page 1 is done with (a caller may stop after one page); page 3 while page 2 is worked on.
        Assert.Equal(new[] { 1, 3, 3 }, startedWhileWorking);
    }

    [Fact]
    public async Task TheNextPageIsAskedForBeforeThisOneIsParsedAndARetryWaitsForIt()
    {
        // Page 2's first answer does not parse. Page 3 was asked for as soon as that answer came, so page 2 is asked
        // for again only once page 3's answer is in: one request in flight throughout, and nothing lost or doubled.
        var handler = new SlowPages { GarbledPage = 2 };

        var ids = await ReadIds(List(handler));

        Assert.Equal(new[] { "t1a", "t1b", "t2a", "t2b", "t3a" }, ids);
        Assert.Equal(new[] { "p1", "p2", "p3", "p2" }, handler.Started);
        Assert.Equal(1, handler.MostInFlight);
    }

    [Fact]
    public async Task NamingAPagesRepositoriesWaitsForTheNextPageAskedForAhead()
    {
        // Page 2's tasks name their repository by id only; page 3 is already asked for when the listing names it.
        var handler = new SlowPages { PageOfRepository42 = 2 };

        var tasks = await OperationsTests.ReadAll(List(handler));

        Assert.Equal(new[] { "p1", "p2", "p3", "repo42" }, handler.Started);
        Assert.Equal(1, handler.MostInFlight);
        Assert.Equal(new[] { "named", "named" }, tasks.Where(t => t.Id.StartsWith("t2", StringComparison.Ordinal)).Select(t => t.Repo));
    }

    [Fact]
    public async Task WaitingForTheRequestInFlightIsNoTimeoutOfTheOneThatWaits()
    {
        // Page 3, asked for ahead, takes 1 s; naming page 2's repository (1.2 s) waits for it first. Each is well within
        // the 2 s a request may take; with the wait, it is not, and the wait must not count.
        var handler = new SlowPages { PageOfRepository42 = 2, Delays = { ["p3"] = 1000, ["repo42"] = 1200 } };
        var log = new List<string>();
        var options = Clients.Options(new Uri("https://api.github.com/"), log: log, http: new HttpClient(handler));
        options.RequestTimeout = TimeSpan.FromSeconds(2);

        var ids = await ReadIds(new CopilotTaskClient(options).ListUserTasks(new UserTaskQuery { PageSize = 2 }));

        Assert.Equal(5, ids.Count);
        Assert.Equal(new[] { "p1", "p2", "p3", "repo42" }, handler.Started);
        Assert.DoesNotContain(log, line => line.Contains("timed out", StringComparison.Ordinal));
    }

    [Theory]
    // -First 4 with pages of two: after page 1, two more are wanted, which page 2 may hold: page 3 is not asked for.
    [InlineData(4UL, new[] { "p1", "p2" })]
    // -First 5: three more after page 1, more than page 2 holds: page 3 is asked for ahead.
    [InlineData(5UL, new[] { "p1", "p2", "p3" })]
    [InlineData(2UL, new[] { "p1" })]
    public async Task NothingIsFetchedAheadThatFirstDoesNotNeed(ulong first, string[] requests)
    {
        var handler = new SlowPages();

        var ids = await ReadIds(List(handler, first));
        await Task.Delay(200);

        Assert.Equal((int)first, ids.Count);
        Assert.Equal(requests, handler.Started);
    }
}
