namespace JobStatus.Emulator.Auth;

/// <summary>An access key pair the emulated gateway accepts signatures from; with a security token, a
/// temporary one that must come with its X-Security-Token.</summary>
internal sealed class AccessKeySpec
{
    public string? AccessKey { get; set; }

    public string? SecretKey { get; set; }

    public string? SecurityToken { get; set; }
}
