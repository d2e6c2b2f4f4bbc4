namespace JobStatus.Emulator.Control;

/// <summary>The answer of <c>GET /_emulator/connections</c>: TCP connections accepted since start
/// or the last reset, and those open now.</summary>
internal sealed record ConnectionsView(long Opened, long Open);
