using System.Net;
using System.Net.Sockets;

namespace AgentTasks.Tests.Support;

/// <summary>A loopback port that takes connections and never answers: the operating system completes the handshake
/// into the listen backlog, and nothing ever reads the request.</summary>
internal sealed class SilentServer : IDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);

    public SilentServer()
    {
        listener.Start(backlog: 64);
        BaseUri = new Uri($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/");
    }

    public Uri BaseUri { get; }

    public void Dispose() => listener.Stop();
}
