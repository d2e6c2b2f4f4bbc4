using System.Threading;
using JobStatus.Emulator.Control;

namespace JobStatus.Emulator.State;

/// <summary>TCP connections accepted and still open, counted by Kestrel's connection middleware:
/// how a test sees that a client renews its connections (or keeps too many).</summary>
internal sealed class ConnectionCounter
{
    private long opened;
    private long open;

    public void Accepted()
    {
        Interlocked.Increment(ref opened);
        Interlocked.Increment(ref open);
    }

    public void Closed() => Interlocked.Decrement(ref open);

    /// <summary>Only the count since the last reset; connections open now stay counted as open.</summary>
    public void ResetOpened() => Interlocked.Exchange(ref opened, 0);

    public ConnectionsView Snapshot() => new(Interlocked.Read(ref opened), Interlocked.Read(ref open));
}
