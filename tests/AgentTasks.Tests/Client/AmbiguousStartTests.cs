using AgentTasks.Core;
using AgentTasks.Core.Errors;
using AgentTasks.Core.Requests;
using AgentTasks.Tests.Support;

namespace AgentTasks.Tests.Client;

/// <summary>A start whose answer leaves open whether GitHub acted on it is resolved by looking for its task, not
/// guessed: found, it is returned with a warning; not found, the error says the task may still appear. Answers that
/// prove GitHub did nothing stay plain failures, with no lookup.</summary>
public class AmbiguousStartTests : AgentTasks.Tests.Emulator.EmulatorTestBase
{
    private readonly List<string> warnings = new();
    private readonly CopilotTaskClient client;

    public AmbiguousStartTests(EmulatorFixture emulator)
        : base(emulator)
    {
        var options = Clients.Options(Emulator.BaseUri, clock: new RecordingClock());
        options.Warning = warnings.Add;
        client = new CopilotTaskClient(options);
    }

    private async Task<int> TaskCount() => (await OperationsTests.ReadAll(Clients.For(Emulator.BaseUri).ListRepositoryTasks(Clients.Repo))).Count;

    [Theory]
    [InlineData("drop_after")]
    [InlineData("malformed")]
    public async Task AStartThatHappenedIsFoundAndReturnedWithAWarning(string fault)
    {
        await Control.AddFaultAsync(fault, method: "POST");

        var task = await client.StartTaskAsync(Clients.Repo, new StartTaskRequest("Fix the login button\nand add a test"));

        Assert.Equal("Fix the login button", task.Name);
        Assert.Equal(1, await TaskCount());
        var warning = Assert.Single(warnings);
        Assert.Contains(task.Id, warning);
        Assert.Contains("not started twice", warning);
    }

    [Fact]
    public async Task ATaskAlreadyReturnedIsNotTakenForAnotherStartOfTheSamePrompt()
    {
        var first = await client.StartTaskAsync(Clients.Repo, new StartTaskRequest("Same prompt"));
        await Control.AddFaultAsync("drop_after", method: "POST");

        var second = await client.StartTaskAsync(Clients.Repo, new StartTaskRequest("Same prompt"));

        Assert.NotEqual(first.Id, second.Id);
        Assert.Equal(2, await TaskCount());
    }

    [Fact]
    public async Task AStartNotFoundIsUnconfirmedAndSaysARetryCouldDoubleIt()
    {
        // The answer is slower than the request timeout, so the task appears only after the lookup.
        await Control.AddFaultAsync("delay", delayMs: 1500, method: "POST");
        var options = Clients.Options(Emulator.BaseUri);
        options.RequestTimeout = TimeSpan.FromMilliseconds(200);

        var error = await Assert.ThrowsAsync<CopilotStartUnconfirmedException>(() => new CopilotTaskClient(options).StartTaskAsync(Clients.Repo, new StartTaskRequest("Slow start")));

        Assert.Equal(ErrorIds.StartUnconfirmed, error.ErrorId);
        Assert.IsType<CopilotTimeoutException>(error.InnerException);
        Assert.Contains("No task for this prompt was found", error.Message);
        Assert.Contains("could be doubled", error.Message);
        Assert.Equal(Clients.Repo.ToString(), error.Target);
    }

    [Fact]
    public async Task TwoTasksThatCouldBeTheOneAreNotGuessedBetween()
    {
        var other = Clients.For(Emulator.BaseUri);
        await other.StartTaskAsync(Clients.Repo, new StartTaskRequest("Twice"));
        await Control.AddFaultAsync("drop_after", method: "POST");

        var error = await Assert.ThrowsAsync<CopilotStartUnconfirmedException>(() => client.StartTaskAsync(Clients.Repo, new StartTaskRequest("Twice")));

        Assert.Contains("2 tasks could be this one", error.Message);
    }

    [Fact]
    public async Task AFailedLookupIsSaid()
    {
        await Control.AddFaultAsync("drop_after", method: "POST");
        await Control.AddFaultAsync("status", status: 500, method: "GET", count: 10);

        var error = await Assert.ThrowsAsync<CopilotStartUnconfirmedException>(() => client.StartTaskAsync(Clients.Repo, new StartTaskRequest("Lookup fails")));

        Assert.Contains("Looking for the task failed too", error.Message);
        Assert.IsType<CopilotConnectionException>(error.InnerException);
    }

    [Theory]
    [InlineData(422)]
    [InlineData(404)]
    [InlineData(403)]
    public async Task AnAnswerThatProvesNothingHappenedIsAPlainFailureWithoutALookup(int status)
    {
        await Control.AddFaultAsync("status", status: status, method: "POST");

        var error = await Assert.ThrowsAnyAsync<CopilotApiException>(() => client.StartTaskAsync(Clients.Repo, new StartTaskRequest("Refused")));

        Assert.Equal(status, error.StatusCode);
        Assert.Single(await Control.RequestsAsync());
        Assert.Empty(warnings);
    }

    [Fact]
    public async Task StartsOfClientsThatShareAPacerArePacedTogetherWithAWarning()
    {
        // Two clients with one pacer, as two runspaces of one process (ForEach-Object -Parallel) have.
        var pacer = new StartPacer();
        var clock = new RecordingClock();
        var seen = new List<string>();
        CopilotTaskClient Make()
        {
            var options = Clients.Options(Emulator.BaseUri, clock: clock);
            options.Pacer = pacer;
            options.Warning = seen.Add;
            return new CopilotTaskClient(options);
        }
        var (one, two) = (Make(), Make());

        for (var i = 0; i < StartPacer.PerMinute + 1; i++)
        {
            await (i % 2 == 0 ? one : two).StartTaskAsync(Clients.Repo, new StartTaskRequest($"Bulk {i}"));
        }

        Assert.Equal(new[] { TimeSpan.FromMinutes(1) }, clock.Delays);
        Assert.Contains("80 task starts a minute", Assert.Single(seen));
        Assert.Equal(StartPacer.PerMinute + 1, await TaskCount());
    }
}
