using System;
using System.Text.Json;
using JobStatus.Emulator.Model;

namespace JobStatus.Emulator.Cloud;

/// <summary>The 200 body of CFW's List Job Status, in whichever of the vendor's variants the job asks for:
/// <c>{"data":{"id","status","begin_time","end_time"}}</c>.</summary>
internal sealed class CfwJobBodyWriter : JobBodyWriter
{
    protected override void WriteLeading(Utf8JsonWriter writer, EmulatedJob job, bool finished)
    {
        // Some regional variants put these at the top level of a 200 once the job has ended.
        if (finished && job.ErrorCode is not null)
        {
            writer.WriteString("error_code", job.ErrorCode);
        }

        if (finished && job.ErrorMsg is not null)
        {
            writer.WriteString("error_msg", job.ErrorMsg);
        }
    }

    protected override void WriteFields(Utf8JsonWriter writer, EmulatedJob job, DateTimeOffset now, bool finished, string requestId)
    {
        writer.WriteStartObject("data");
        writer.WriteString("id", job.Id);
        writer.WriteString("status", job.StatusAt(now));
        JobTimeWriter.Write(writer, "begin_time", job.BeginTime, job.TimeFormat);
        JobTimeWriter.WriteEnd(
            writer, "end_time", finished ? job.EndTime : null, job.LastChangeAt(now), job.EndTimeWhileRunning, job.TimeFormat);

        if (job.ExtraFields)
        {
            writer.WriteNumber("progress", finished ? 100 : 40);
            writer.WriteString("job_type", "emulated");
            writer.WriteStartArray("sub_jobs");
            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }
}
