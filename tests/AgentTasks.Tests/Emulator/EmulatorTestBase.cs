using AgentTasks.Tests.Support;

namespace AgentTasks.Tests.Emulator;

/// <summary>Every test starts from a reset emulator (one per test class) with a client holding the default token.</summary>
public abstract class EmulatorTestBase : IClassFixture<EmulatorFixture>, IAsyncLifetime
{
    protected EmulatorTestBase(EmulatorFixture emulator)
    {
        Emulator = emulator;
        Api = new ApiClient(emulator.BaseUri);
    }

    protected EmulatorFixture Emulator { get; }

    protected EmulatorControl Control => Emulator.Control;

    internal ApiClient Api { get; }

    public Task InitializeAsync() => Control.ResetAsync();

    public Task DisposeAsync()
    {
        Api.Dispose();
        return Task.CompletedTask;
    }
}
