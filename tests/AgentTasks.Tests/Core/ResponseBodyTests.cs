using AgentTasks.Core.Http;

namespace AgentTasks.Tests.Core;

/// <summary>A body is read whole into a lent buffer, whatever Content-Length says, and what is kept is a copy.</summary>
public class ResponseBodyTests
{
    [Theory]
    [InlineData(0, null)]
    [InlineData(1, null)]
    [InlineData(16 * 1024, null)]
    [InlineData(16 * 1024 + 1, null)]
    [InlineData(200_000, null)]
    [InlineData(60_000, 60_000L)]
    // gzip: Content-Length counts the compressed bytes, fewer than come.
    [InlineData(200_000, 9_000L)]
    public async Task ReadsEveryByteThatComesInPiecesOfAnySize(int size, long? lengthHint)
    {
        var bytes = Enumerable.Range(0, size).Select(i => (byte)(i * 7)).ToArray();

        using var body = await ResponseBody.ReadAsync(new TrickleStream(bytes, 1000), lengthHint, CancellationToken.None);

        Assert.Equal(size, body.Length);
        Assert.True(body.Span.SequenceEqual(bytes));
    }

    [Fact]
    public async Task WhatIsKeptIsACopyThatOutlivesTheLentBuffer()
    {
        using var first = await ResponseBody.ReadAsync(new MemoryStream("first"u8.ToArray()), 5, CancellationToken.None);
        var kept = first.ToArray();
        first.Dispose();

        using var second = await ResponseBody.ReadAsync(new MemoryStream("other"u8.ToArray()), 5, CancellationToken.None);

        Assert.Equal("first"u8.ToArray(), kept);
        Assert.Equal("other", second.Text());
    }

    [Fact]
    public async Task AStreamThatFailsGivesItsErrorAndTheBufferBack()
    {
        var error = await Assert.ThrowsAsync<IOException>(() => ResponseBody.ReadAsync(new FailingStream(), null, CancellationToken.None));

        Assert.Equal("connection reset", error.Message);
    }

    /// <summary>Gives at most <c>piece</c> bytes a read, as a network stream does.</summary>
    private sealed class TrickleStream(byte[] bytes, int piece) : MemoryStream(bytes)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, piece));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            base.ReadAsync(buffer, offset, Math.Min(count, piece), cancellationToken);
    }

    private sealed class FailingStream : MemoryStream
    {
        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Task.FromException<int>(new IOException("connection reset"));
    }
}
