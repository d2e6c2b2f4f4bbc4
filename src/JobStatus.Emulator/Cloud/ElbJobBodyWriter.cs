using System;
using System.Text.Json;
using JobStatus.Emulator.Model;

namespace JobStatus.Emulator.Cloud;

/// <summary>The 200 body of ELB's ShowJob (v3; SDK models ShowJobResponse, MainJob, SubJob,
/// JobEntities; all strings): <c>{"job":{"status","begin_time","end_time","job_id","job_type",
/// "error_code","error_msg","project_id","resource_id","sub_jobs":[...]},"request_id"}</c>.</summary>
internal sealed class ElbJobBodyWriter : JobBodyWriter
{
    protected override void WriteFields(Utf8JsonWriter writer, EmulatedJob job, DateTimeOffset now, bool finished, string requestId)
    {
        writer.WriteStartObject("job");
        WriteBase(
            writer,
            job.StatusAt(now),
            job.BeginTime,
            finished ? job.EndTime : null,
            job.LastChangeAt(now),
            job.Id,
            job.JobType!,
            finished ? job.ErrorCode : null,
            finished ? job.ErrorMsg : null,
            job);
        writer.WriteString("resource_id", job.ResourceId);
        if (job.SubJobs.Count > 0)
        {
            writer.WriteStartArray("sub_jobs");
            foreach (var sub in job.SubJobs)
            {
                var subFinished = sub.IsFinishedAt(now);
                writer.WriteStartObject();
                WriteBase(
                    writer,
                    sub.StatusAt(now),
                    sub.BeginTime,
                    subFinished ? sub.EndTime : null,
                    sub.BeginTime,
                    sub.Id,
                    sub.JobType,
                    subFinished ? sub.ErrorCode : null,
                    subFinished ? sub.ErrorMsg : null,
                    job);
                writer.WriteString("resource_id", sub.ResourceId);
                writer.WriteStartArray("entities");
                writer.WriteStartObject();
                writer.WriteString("resource_id", sub.ResourceId);
                // The kinds the API page names are loadbalancer and listener; the example's jobs work on a load balancer.
                writer.WriteString("resource_type", "loadbalancer");
                writer.WriteEndObject();
                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
        writer.WriteString("request_id", requestId);
    }

    /// <summary>The fields MainJob and SubJob share (the API definition's BaseJob), but resource_id.
    /// error_code and error_msg are "" when there is no error, as in the example.</summary>
    private static void WriteBase(
        Utf8JsonWriter writer,
        string status,
        DateTimeOffset begin,
        DateTimeOffset? endedAt,
        DateTimeOffset lastChange,
        string id,
        string jobType,
        string? errorCode,
        string? errorMsg,
        EmulatedJob job)
    {
        writer.WriteString("status", status);
        JobTimeWriter.Write(writer, "begin_time", begin, job.TimeFormat);
        JobTimeWriter.WriteEnd(writer, "end_time", endedAt, lastChange, job.EndTimeWhileRunning, job.TimeFormat);
        writer.WriteString("job_id", id);
        writer.WriteString("job_type", jobType);
        writer.WriteString("error_code", errorCode ?? string.Empty);
        writer.WriteString("error_msg", errorMsg ?? string.Empty);
        writer.WriteString("project_id", job.ProjectId);
    }
}
