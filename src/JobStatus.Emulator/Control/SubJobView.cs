using System;
using JobStatus.Emulator.Model;

namespace JobStatus.Emulator.Control;

/// <summary>A sub-job as the control API shows it, inside its parent's <see cref="JobView"/>.</summary>
internal sealed record SubJobView(
    string Id,
    double RunSeconds,
    string RunningStatus,
    string FinalStatus,
    string? ErrorCode,
    string? ErrorMsg,
    string JobType,
    string? ResourceId,
    string? EndTime,
    string Status)
{
    public static SubJobView From(EmulatedSubJob sub, DateTimeOffset now) => new(
        sub.Id,
        sub.RunSeconds,
        sub.RunningStatus,
        sub.FinalStatus,
        sub.ErrorCode,
        sub.ErrorMsg,
        sub.JobType,
        sub.ResourceId,
        sub.EndTime is { } end ? JobView.FormatInstant(end) : null,
        sub.StatusAt(now));
}
