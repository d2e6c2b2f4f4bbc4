namespace JobStatus.Emulator.Model;

/// <summary>A job as posted to the control API or listed in a scenario file. Every field is
/// optional; <see cref="EmulatedJob.FromSpec"/> fills in the defaults.</summary>
internal sealed class JobSpec
{
    public string? ProjectId { get; set; }

    public string? Id { get; set; }

    /// <summary>Seconds from begin to end; -1 keeps the job running forever.</summary>
    public double? RunSeconds { get; set; }

    public string? RunningStatus { get; set; }

    /// <summary>Raw text on purpose: clients must keep statuses they do not know.</summary>
    public string? FinalStatus { get; set; }

    public string? ErrorCode { get; set; }

    public string? ErrorMsg { get; set; }

    public JobTimeFormat? TimeFormat { get; set; }

    public EndTimeWhileRunning? EndTimeWhileRunning { get; set; }

    /// <summary>ISO 8601 instant; without an offset it is read as UTC.</summary>
    public string? BeginTime { get; set; }

    public bool? ExtraFields { get; set; }
}
