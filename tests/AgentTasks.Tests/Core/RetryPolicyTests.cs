using AgentTasks.Core;
using AgentTasks.Core.Http;

namespace AgentTasks.Tests.Core;

public class RetryPolicyTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    private static RetryPolicy Policy(double jitter = 0.5) => new() { NextJitter = () => jitter };

    private static AttemptOutcome Status(int status, bool rateLimit = false, TimeSpan? retryAfter = null, DateTimeOffset? reset = null) =>
        new(OutcomeKind.Status, status, rateLimit, retryAfter, reset);

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public void GetIsRetriedOnServerErrors(int status) => Assert.NotNull(Policy().Decide(Status(status), isPost: false, 1, Now));

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    public void PostIsNotRetriedOnServerErrorsBecauseTheTaskMayExist(int status) =>
        Assert.Null(Policy().Decide(Status(status), isPost: true, 1, Now));

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(403)]
    [InlineData(404)]
    [InlineData(422)]
    public void ClientErrorsAreNeverRetried(int status) => Assert.Null(Policy().Decide(Status(status), false, 1, Now));

    [Theory]
    [InlineData("Timeout")]
    [InlineData("ConnectionLost")]
    [InlineData("MalformedBody")]
    public void FailuresAfterSendingAreRetriedForGetOnly(string kindName)
    {
        var kind = Enum.Parse<OutcomeKind>(kindName);
        Assert.NotNull(Policy().Decide(new AttemptOutcome(kind), isPost: false, 1, Now));
        Assert.Null(Policy().Decide(new AttemptOutcome(kind), isPost: true, 1, Now));
    }

    [Fact]
    public void AConnectionThatNeverOpenedIsRetriedEvenForPost() =>
        Assert.NotNull(Policy().Decide(new AttemptOutcome(OutcomeKind.NotSent), isPost: true, 1, Now));

    [Theory]
    [InlineData(429)]
    [InlineData(403)]
    public void RateLimitsHonourRetryAfterForBothMethods(int status)
    {
        var outcome = Status(status, rateLimit: true, retryAfter: TimeSpan.FromSeconds(7));
        Assert.Equal(TimeSpan.FromSeconds(7), Policy().Decide(outcome, isPost: false, 1, Now));
        Assert.Equal(TimeSpan.FromSeconds(7), Policy().Decide(outcome, isPost: true, 1, Now));
    }

    [Fact]
    public void AUsedUpPrimaryLimitWaitsUntilJustAfterTheReset() =>
        Assert.Equal(TimeSpan.FromSeconds(31), Policy().Decide(Status(403, true, reset: Now.AddSeconds(30)), false, 1, Now));

    [Fact]
    public void ARateLimitWithoutHintsWaitsAMinuteThenBacksOff()
    {
        var policy = Policy();
        policy.MaxWait = TimeSpan.FromMinutes(10);
        Assert.Equal(TimeSpan.FromMinutes(1), policy.Decide(Status(429, true), false, 1, Now));
        Assert.Equal(TimeSpan.FromMinutes(2), policy.Decide(Status(429, true), false, 2, Now));
        Assert.Equal(TimeSpan.FromMinutes(4), policy.Decide(Status(429, true), false, 3, Now));
    }

    [Fact]
    public void AWaitLongerThanMaxWaitIsReportedInsteadOfSlept() =>
        Assert.Null(Policy().Decide(Status(429, true, retryAfter: TimeSpan.FromHours(1)), false, 1, Now));

    [Fact]
    public void AResetInThePastRetriesAtOnce() =>
        Assert.Equal(TimeSpan.Zero, Policy().Decide(Status(403, true, reset: Now.AddMinutes(-5)), false, 1, Now));

    [Fact]
    public void AServerErrorRetryAfterIsHonoured() =>
        Assert.Equal(TimeSpan.FromSeconds(3), Policy().Decide(Status(503, retryAfter: TimeSpan.FromSeconds(3)), false, 1, Now));

    [Fact]
    public void AttemptsAreCapped()
    {
        var policy = Policy();
        Assert.NotNull(policy.Decide(Status(503), false, policy.MaxAttempts - 1, Now));
        Assert.Null(policy.Decide(Status(503), false, policy.MaxAttempts, Now));
    }

    [Fact]
    public void BackoffDoublesAndIsCapped()
    {
        var policy = Policy(jitter: 1.0);
        Assert.Equal(TimeSpan.FromSeconds(1), policy.Backoff(1));
        Assert.Equal(TimeSpan.FromSeconds(2), policy.Backoff(2));
        Assert.Equal(TimeSpan.FromSeconds(8), policy.Backoff(4));
        Assert.Equal(policy.MaxBackoff, policy.Backoff(30));
    }

    [Fact]
    public void JitterKeepsAtLeastHalfTheBackoff()
    {
        Assert.Equal(TimeSpan.FromSeconds(2), Policy(jitter: 0).Backoff(3));
        Assert.Equal(TimeSpan.FromSeconds(3), Policy(jitter: 0.5).Backoff(3));
        var real = new RetryPolicy();
        for (var i = 0; i < 50; i++)
        {
            var wait = real.Backoff(3);
            Assert.InRange(wait, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4));
        }
    }
}
