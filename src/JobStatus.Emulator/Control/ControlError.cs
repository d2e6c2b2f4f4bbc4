namespace JobStatus.Emulator.Control;

/// <summary>The body of a failed control call: <c>{"error":"..."}</c>, distinct from the cloud's
/// error shape so nobody mistakes one for the other.</summary>
internal sealed record ControlError(string Error);
