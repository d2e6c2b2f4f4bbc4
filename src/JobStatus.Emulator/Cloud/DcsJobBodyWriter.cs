using System;
using System.Text.Json;
using JobStatus.Emulator.Model;

namespace JobStatus.Emulator.Cloud;

/// <summary>The 200 body of DCS's ShowJobInfo (SDK model ShowJobInfoResponse, all strings, flat):
/// <c>{"job_id","job_type","status","begin_time","end_time","fail_reason"}</c>, the times epoch
/// milliseconds in strings. There is no error code, no sub-job and no resource id.</summary>
internal sealed class DcsJobBodyWriter : JobBodyWriter
{
    protected override void WriteFields(Utf8JsonWriter writer, EmulatedJob job, DateTimeOffset now, bool finished, string requestId)
    {
        writer.WriteString("job_id", job.Id);
        writer.WriteString("job_type", job.JobType);
        writer.WriteString("status", job.StatusAt(now));
        JobTimeWriter.Write(writer, "begin_time", job.BeginTime, job.TimeFormat);
        JobTimeWriter.WriteEnd(writer, "end_time", finished ? job.EndTime : null, job.LastChangeAt(now), job.EndTimeWhileRunning, job.TimeFormat);
        if (finished && job.ErrorMsg is not null)
        {
            writer.WriteString("fail_reason", job.ErrorMsg);
        }
    }
}
