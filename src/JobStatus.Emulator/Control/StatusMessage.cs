namespace JobStatus.Emulator.Control;

/// <summary>The body of control calls that have nothing else to return, e.g. <c>{"status":"ok"}</c>.</summary>
internal sealed record StatusMessage(string Status);
