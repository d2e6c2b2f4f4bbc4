using System;
using System.Text.Json;
using JobStatus.Emulator.Model;

namespace JobStatus.Emulator.Cloud;

/// <summary>What the job objects of the database services (RDS, GaussDB, DDS) have in common.</summary>
internal static class DatabaseJob
{
    /// <summary><c>"id","name","status","created","ended"</c>: the first fields of every one of their job models.</summary>
    public static void WriteHead(Utf8JsonWriter writer, EmulatedJob job, DateTimeOffset now, bool finished)
    {
        writer.WriteString("id", job.Id);
        writer.WriteString("name", job.JobType);
        writer.WriteString("status", job.StatusAt(now));
        JobTimeWriter.Write(writer, "created", job.BeginTime, job.TimeFormat);
        JobTimeWriter.WriteEnd(
            writer, "ended", finished ? job.EndTime : null, job.LastChangeAt(now), job.EndTimeWhileRunning, job.TimeFormat);
    }

    /// <summary>The <c>instance</c> object: <c>{"id","name"}</c>, both required.</summary>
    public static void WriteInstance(Utf8JsonWriter writer, EmulatedJob job)
    {
        var id = job.ResourceId!;
        writer.WriteStartObject("instance");
        writer.WriteString("id", id);
        // A spec cannot set it; shaped like the example's "dds-5ff4".
        writer.WriteString("name", job.Service.Name.ToLowerInvariant() + "-" + id.Substring(0, Math.Min(4, id.Length)));
        writer.WriteEndObject();
    }
}
