using System;
using System.Globalization;

namespace JobStatus.Emulator.Model;

/// <summary>A job of the emulated cloud. Immutable except for its request count; its status is a
/// function of the clock, so no timer has to flip it.</summary>
internal sealed class EmulatedJob
{
    /// <summary>The project id of the vendor's example request.</summary>
    public const string DefaultProjectId = "09bb24e6fe80d23d2fa2c010b53b418c";

    /// <summary>Keeps begin + run time far inside DateTimeOffset's range.</summary>
    private const double MaxRunSeconds = 10 * 365 * 24 * 3600;

    private EmulatedJob(
        string projectId,
        string id,
        double runSeconds,
        string runningStatus,
        string finalStatus,
        string? errorCode,
        string? errorMsg,
        JobTimeFormat timeFormat,
        EndTimeWhileRunning endTimeWhileRunning,
        DateTimeOffset beginTime,
        bool extraFields)
    {
        ProjectId = projectId;
        Id = id;
        RunSeconds = runSeconds;
        RunningStatus = runningStatus;
        FinalStatus = finalStatus;
        ErrorCode = errorCode;
        ErrorMsg = errorMsg;
        TimeFormat = timeFormat;
        EndTimeWhileRunning = endTimeWhileRunning;
        BeginTime = beginTime;
        EndTime = runSeconds < 0 ? null : TruncateToMilliseconds(beginTime.AddSeconds(runSeconds));
        ExtraFields = extraFields;
    }

    public string ProjectId { get; }

    public string Id { get; }

    public double RunSeconds { get; }

    public string RunningStatus { get; }

    public string FinalStatus { get; }

    public string? ErrorCode { get; }

    public string? ErrorMsg { get; }

    public JobTimeFormat TimeFormat { get; }

    public EndTimeWhileRunning EndTimeWhileRunning { get; }

    public DateTimeOffset BeginTime { get; }

    /// <summary>Null for a job that runs forever.</summary>
    public DateTimeOffset? EndTime { get; }

    public bool ExtraFields { get; }

    /// <summary>GETs addressed to this job; guarded by the owner's lock.</summary>
    public int RequestCount { get; set; }

    public bool IsFinishedAt(DateTimeOffset now) => EndTime is { } end && now >= end;

    public string StatusAt(DateTimeOffset now) => IsFinishedAt(now) ? FinalStatus : RunningStatus;

    public static EmulatedJob FromSpec(JobSpec spec, DateTimeOffset now)
    {
        var runSeconds = spec.RunSeconds ?? 2;
        if (runSeconds != -1 && (runSeconds < 0 || runSeconds > MaxRunSeconds || double.IsNaN(runSeconds)))
        {
            throw new InvalidSpecException(
                $"runSeconds must be -1 (runs forever) or between 0 and {MaxRunSeconds}, not {runSeconds.ToString(CultureInfo.InvariantCulture)}.");
        }

        return new EmulatedJob(
            RequireNonEmpty(spec.ProjectId, "projectId") ?? DefaultProjectId,
            RequireNonEmpty(spec.Id, "id") ?? Guid.NewGuid().ToString("D"),
            runSeconds,
            RequireNonEmpty(spec.RunningStatus, "runningStatus") ?? "Running",
            RequireNonEmpty(spec.FinalStatus, "finalStatus") ?? "Success",
            spec.ErrorCode,
            spec.ErrorMsg,
            spec.TimeFormat ?? JobTimeFormat.EpochMs,
            spec.EndTimeWhileRunning ?? EndTimeWhileRunning.Absent,
            TruncateToMilliseconds(ParseBeginTime(spec.BeginTime) ?? now),
            spec.ExtraFields ?? false);
    }

    private static string? RequireNonEmpty(string? value, string name)
    {
        if (value is not null && value.Length == 0)
        {
            throw new InvalidSpecException($"{name} must not be empty; leave it out to get the default.");
        }

        return value;
    }

    private static DateTimeOffset? ParseBeginTime(string? text)
    {
        if (text is null)
        {
            return null;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            return parsed;
        }

        throw new InvalidSpecException($"beginTime '{text}' is not an ISO 8601 instant such as 2022-01-05T08:15:01Z.");
    }

    // Every time format carries at most milliseconds; keeping more would make end_time - begin_time
    // differ from runSeconds after formatting.
    private static DateTimeOffset TruncateToMilliseconds(DateTimeOffset value) =>
        value.AddTicks(-(value.UtcTicks % TimeSpan.TicksPerMillisecond));
}
