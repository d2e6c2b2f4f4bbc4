namespace JobStatus.Emulator.Model;

/// <summary>A sub-job inside a <see cref="JobSpec"/>, for services whose jobs have them. It begins
/// with its parent and keeps its own clock; every field is optional.</summary>
internal sealed class SubJobSpec
{
    public string? Id { get; set; }

    /// <summary>Default: the parent's.</summary>
    public double? RunSeconds { get; set; }

    public string? RunningStatus { get; set; }

    public string? FinalStatus { get; set; }

    public bool? Failed { get; set; }

    public string? ErrorCode { get; set; }

    public string? ErrorMsg { get; set; }

    public string? ResourceId { get; set; }

    public string? JobType { get; set; }
}
