namespace JobStatus.Emulator.Auth;

/// <summary>An access key as registered, without its secret; <c>requestCount</c> counts requests whose
/// signature was checked with it (accepted or not).</summary>
internal sealed record AccessKeyView(string AccessKey, bool Temporary, int RequestCount);
