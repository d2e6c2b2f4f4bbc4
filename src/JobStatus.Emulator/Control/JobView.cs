using System;
using System.Collections.Generic;
using System.Globalization;
using JobStatus.Emulator.Model;

namespace JobStatus.Emulator.Control;

/// <summary>A job as the control API shows it: its settings with defaults filled in, what a GET
/// would report now, and how often it was asked.</summary>
/// <param name="OwnerId">The instance, graph or engine id the path names, for a service that has one.</param>
/// <param name="Path">The request path (with query, for the database services) a client sends for it, encoded.</param>
internal sealed record JobView(
    string Service,
    string? ProjectId,
    string? DomainId,
    string? OwnerId,
    string Id,
    string Path,
    double RunSeconds,
    string? InitialStatus,
    double? InitialSeconds,
    string RunningStatus,
    string FinalStatus,
    string? ErrorCode,
    string? ErrorMsg,
    string? JobType,
    string? ResourceId,
    JobTimeFormat TimeFormat,
    EndTimeWhileRunning EndTimeWhileRunning,
    string BeginTime,
    string? EndTime,
    bool ExtraFields,
    IReadOnlyList<SubJobView>? SubJobs,
    string Status,
    int RequestCount)
{
    public static JobView From(EmulatedJob job, DateTimeOffset now)
    {
        List<SubJobView>? subJobs = null;
        if (job.SubJobs.Count > 0)
        {
            subJobs = new List<SubJobView>(job.SubJobs.Count);
            foreach (var sub in job.SubJobs)
            {
                subJobs.Add(SubJobView.From(sub, now));
            }
        }

        return new JobView(
            job.Service.Name,
            job.ProjectId,
            job.DomainId,
            job.OwnerId,
            job.Id,
            job.Service.Api.PathFor(job.ScopeId, job.OwnerId, job.Id),
            job.RunSeconds,
            job.InitialStatus,
            job.InitialStatus is null ? null : job.InitialSeconds,
            job.RunningStatus,
            job.FinalStatus,
            job.ErrorCode,
            job.ErrorMsg,
            job.JobType,
            job.ResourceId,
            job.TimeFormat,
            job.EndTimeWhileRunning,
            FormatInstant(job.BeginTime),
            job.EndTime is { } end ? FormatInstant(end) : null,
            job.ExtraFields,
            subJobs,
            job.StatusAt(now),
            job.RequestCount);
    }

    internal static string FormatInstant(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
