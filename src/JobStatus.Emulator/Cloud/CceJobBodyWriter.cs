using System;
using System.Text.Json;
using JobStatus.Emulator.Model;

namespace JobStatus.Emulator.Cloud;

/// <summary>The 200 body of CCE's ShowJob: a Job object (SDK models Job, JobMetadata, JobSpec,
/// JobStatus; all strings) at the top, its sub-jobs Job objects of the same shape in spec.subJobs:
/// <c>{"kind":"Job","apiVersion":"v3","metadata":{"uid","creationTimestamp","updateTimestamp"},
/// "spec":{"type","clusterUID","resourceID","subJobs"},"status":{"phase","reason"}}</c>.</summary>
internal sealed class CceJobBodyWriter : JobBodyWriter
{
    protected override void WriteFields(Utf8JsonWriter writer, EmulatedJob job, DateTimeOffset now, bool finished, string requestId)
    {
        WriteHead(writer, job.Id, job.BeginTime, finished ? job.EndTime : null, job.LastChangeAt(now), job);
        writer.WriteStartObject("spec");
        writer.WriteString("type", job.JobType);
        writer.WriteString("clusterUID", job.AuxiliaryId);
        writer.WriteString("resourceID", job.ResourceId);
        if (job.SubJobs.Count > 0)
        {
            writer.WriteStartArray("subJobs");
            foreach (var sub in job.SubJobs)
            {
                WriteSubJob(writer, sub, job, now);
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
        WriteStatus(writer, job.StatusAt(now), finished ? job.ErrorMsg : null);
    }

    private static void WriteSubJob(Utf8JsonWriter writer, EmulatedSubJob sub, EmulatedJob parent, DateTimeOffset now)
    {
        var finished = sub.IsFinishedAt(now);
        writer.WriteStartObject();
        WriteHead(writer, sub.Id, sub.BeginTime, finished ? sub.EndTime : null, sub.BeginTime, parent);
        writer.WriteStartObject("spec");
        writer.WriteString("type", sub.JobType);
        // The example's sub-jobs carry the cluster of the job they belong to.
        writer.WriteString("clusterUID", parent.AuxiliaryId);
        writer.WriteString("resourceID", sub.ResourceId);
        writer.WriteEndObject();
        WriteStatus(writer, sub.StatusAt(now), finished ? sub.ErrorMsg : null);
        writer.WriteEndObject();
    }

    /// <summary>kind, apiVersion and metadata. There is no end time: updateTimestamp is the last
    /// change, the end once the job has ended (unless the spec's endTimeWhileRunning says otherwise).</summary>
    private static void WriteHead(
        Utf8JsonWriter writer, string id, DateTimeOffset begin, DateTimeOffset? endedAt, DateTimeOffset lastChange, EmulatedJob job)
    {
        writer.WriteString("kind", "Job");
        writer.WriteString("apiVersion", "v3");
        writer.WriteStartObject("metadata");
        writer.WriteString("uid", id);
        JobTimeWriter.Write(writer, "creationTimestamp", begin, job.TimeFormat);
        JobTimeWriter.WriteEnd(writer, "updateTimestamp", endedAt, lastChange, job.EndTimeWhileRunning, job.TimeFormat);
        writer.WriteEndObject();
    }

    /// <summary>status.reason, "why the job is in its phase": "" while running, as in the example.</summary>
    private static void WriteStatus(Utf8JsonWriter writer, string phase, string? reason)
    {
        writer.WriteStartObject("status");
        writer.WriteString("phase", phase);
        writer.WriteString("reason", reason ?? string.Empty);
        writer.WriteEndObject();
    }
}
