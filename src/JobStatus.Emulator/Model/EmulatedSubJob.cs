using System;
using System.Linq;

namespace JobStatus.Emulator.Model;

/// <summary>A sub-job: begins with its parent and ends on its own clock, so a test can have one
/// fail while the parent still runs.</summary>
internal sealed class EmulatedSubJob
{
    private EmulatedSubJob(SubJobSpec spec, EmulatedJob parent, string where, int position)
    {
        var service = parent.Service;
        // Where the SDK model types a sub-job's id as a number (CAE's task index), the default is its place, from 1.
        var subIdPath = service.Catalog.Shape.SubJob?.Id is { Count: > 0 } subId ? subId[0] : null;
        var numbered = subIdPath is not null && service.Facts?.NumberFields.Contains(subIdPath) == true;
        Id = EmulatedJob.RequireNonEmpty(spec.Id, where + "id")
            ?? (numbered ? (position + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) : Guid.NewGuid().ToString("D"));
        RunSeconds = EmulatedJob.ReadRunSeconds(spec.RunSeconds, where + "runSeconds") ?? parent.RunSeconds;
        RunningStatus = EmulatedJob.RequireNonEmpty(spec.RunningStatus, where + "runningStatus") ?? service.RunningStatus;
        FinalStatus = EmulatedJob.ReadFinalStatus(
            spec.FinalStatus, spec.Failed, where, service.SubJobSuccessStatus ?? service.SuccessStatus, service.FailureStatus);
        ErrorCode = spec.ErrorCode;
        ErrorMsg = spec.ErrorMsg;
        JobType = EmulatedJob.RequireNonEmpty(spec.JobType, where + "jobType") ?? service.SubJobType!;
        ResourceId = EmulatedJob.ReadOwnField(spec.ResourceId, where + "resourceId", service, service.NewResourceId is not null)
            ?? (service.SubJobsShareResource ? parent.ResourceId : service.NewResourceId?.Invoke());
        BeginTime = parent.BeginTime;
        EndTime = RunSeconds < 0 ? null : EmulatedJob.TruncateToMilliseconds(BeginTime.AddSeconds(RunSeconds));
    }

    public string Id { get; }

    public double RunSeconds { get; }

    public string RunningStatus { get; }

    public string FinalStatus { get; }

    public string? ErrorCode { get; }

    public string? ErrorMsg { get; }

    public string JobType { get; }

    public string? ResourceId { get; }

    public DateTimeOffset BeginTime { get; }

    /// <summary>Null for a sub-job that runs forever.</summary>
    public DateTimeOffset? EndTime { get; }

    public bool IsFinishedAt(DateTimeOffset now) => EndTime is { } end && now >= end;

    public string StatusAt(DateTimeOffset now) => IsFinishedAt(now) ? FinalStatus : RunningStatus;

    /// <param name="position">The sub-job's place among its parent's, from 0.</param>
    public static EmulatedSubJob FromSpec(SubJobSpec spec, EmulatedJob parent, string where, int position) => new(spec, parent, where, position);
}
