using AgentTasks.Emulator;

namespace AgentTasks.Tests.Support;

/// <summary>
/// One in-process emulator per test class (<c>IClassFixture&lt;EmulatorFixture&gt;</c>), on a fast clock: tasks are
/// queued for 200 ms and run for 600 ms, so lifecycles finish within a test.
/// </summary>
public sealed class EmulatorFixture : IAsyncLifetime
{
    private EmulatorServer? server;
    private EmulatorControl? control;

    public EmulatorServer Server => server ?? throw new InvalidOperationException("The emulator has not started.");

    public Uri BaseUri => Server.BaseUri;

    public EmulatorControl Control => control ?? throw new InvalidOperationException("The emulator has not started.");

    public async Task InitializeAsync()
    {
        server = await EmulatorServer.StartAsync(new EmulatorOptions
        {
            QueuedFor = TimeSpan.FromMilliseconds(200),
            RunningFor = TimeSpan.FromMilliseconds(600),
        });
        control = new EmulatorControl(server.BaseUri);
    }

    public async Task DisposeAsync()
    {
        control?.Dispose();
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }
}
