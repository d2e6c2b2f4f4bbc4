using System;
using System.Globalization;
using JobStatus.Emulator.Model;

namespace JobStatus.Emulator.Control;

/// <summary>A job as the control API shows it: its settings with defaults filled in, what a GET
/// would report now, and how often it was asked.</summary>
internal sealed record JobView(
    string ProjectId,
    string Id,
    string Path,
    double RunSeconds,
    string RunningStatus,
    string FinalStatus,
    string? ErrorCode,
    string? ErrorMsg,
    JobTimeFormat TimeFormat,
    EndTimeWhileRunning EndTimeWhileRunning,
    string BeginTime,
    string? EndTime,
    bool ExtraFields,
    string Status,
    int RequestCount)
{
    public static JobView From(EmulatedJob job, DateTimeOffset now) => new(
        job.ProjectId,
        job.Id,
        "/v3/" + Uri.EscapeDataString(job.ProjectId) + "/jobs/" + Uri.EscapeDataString(job.Id),
        job.RunSeconds,
        job.RunningStatus,
        job.FinalStatus,
        job.ErrorCode,
        job.ErrorMsg,
        job.TimeFormat,
        job.EndTimeWhileRunning,
        FormatInstant(job.BeginTime),
        job.EndTime is { } end ? FormatInstant(end) : null,
        job.ExtraFields,
        job.StatusAt(now),
        job.RequestCount);

    private static string FormatInstant(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
