namespace AgentTasks.Emulator;

/// <summary>An emulator running in this process, on a free loopback port: what tests start.</summary>
public sealed class EmulatorServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private int disposed;

    private EmulatorServer(WebApplication app, Uri baseUri)
    {
        this.app = app;
        BaseUri = baseUri;
    }

    /// <summary>Where the emulator listens, like <c>http://127.0.0.1:PORT/</c>.</summary>
    public Uri BaseUri { get; }

    /// <summary>Binds <c>http://127.0.0.1:0</c> (a free port) and starts serving.</summary>
    public static async Task<EmulatorServer> StartAsync(EmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        var app = EmulatorHost.Build(options ?? new EmulatorOptions(), "http://127.0.0.1:0", logToConsole: false);
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        // Once started, Kestrel reports the port it was given in place of 0.
        return new EmulatorServer(app, new Uri(app.Urls.Single().TrimEnd('/') + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }

        await app.StopAsync();
        await app.DisposeAsync();
    }
}
