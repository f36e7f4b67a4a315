using AgentTasks.Core.Models;
using AgentTasks.Core.Requests;

namespace AgentTasks.Tests.Core;

public class TaskQueryTests
{
    [Fact]
    public void EmptyQuerySendsOnlyThePageAndTheLargestPageSize() => Assert.Equal("?per_page=100&page=1", new UserTaskQuery().ToQueryString(1));

    [Fact]
    public void EveryFilterMapsToItsApiParameter()
    {
        var query = new RepositoryTaskQuery
        {
            States = new[] { CopilotTaskState.Failed, CopilotTaskState.TimedOut, CopilotTaskState.WaitingForUser },
            Sort = TaskSortField.CreatedAt,
            Direction = SortDirection.Ascending,
            Archived = true,
            Since = new DateTimeOffset(2026, 3, 10, 14, 30, 0, TimeSpan.FromHours(2)),
            CreatorIds = new long[] { 1, 42 },
            PageSize = 100,
        };
        Assert.Equal(
            "?per_page=100&page=3&sort=created_at&direction=asc&state=failed,timed_out,waiting_for_user&is_archived=true&since=2026-03-10T12%3A30%3A00Z&creator_id=1&creator_id=42",
            query.ToQueryString(3));
    }

    [Fact]
    public void DefaultsAreSentWhenChosenExplicitly()
    {
        var query = new UserTaskQuery { Sort = TaskSortField.UpdatedAt, Direction = SortDirection.Descending, Archived = false, PageSize = 30 };
        Assert.Equal("?per_page=30&page=1&sort=updated_at&direction=desc&is_archived=false", query.ToQueryString(1));
    }

    [Fact]
    public void RepeatedStatesAreSentOnce() =>
        Assert.Equal("?per_page=100&page=1&state=queued", new UserTaskQuery { States = new[] { CopilotTaskState.Queued, CopilotTaskState.Queued } }.ToQueryString(1));

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    [InlineData(-5)]
    public void PageSizeOutsideOneToHundredIsRefused(int size) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new UserTaskQuery { PageSize = size }.Validate());

    [Theory]
    [InlineData(1)]
    [InlineData(100)]
    public void PageSizeBoundsAreAccepted(int size) => new UserTaskQuery { PageSize = size }.Validate();

    [Fact]
    public void NonPositiveCreatorIdIsRefused() =>
        Assert.Throws<ArgumentException>(() => new RepositoryTaskQuery { CreatorIds = new long[] { 3, 0 } }.Validate());

    [Fact]
    public void UnknownStateIsRefusedWithTheKnownOnes()
    {
        var error = Assert.Throws<ArgumentException>(() => new UserTaskQuery { States = new[] { CopilotTaskState.Unknown } }.Validate());
        Assert.Contains("WaitingForUser", error.Message);
    }
}
