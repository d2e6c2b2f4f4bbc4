using System;
using System.Globalization;
using System.Text.Json;
using JobStatus.Emulator.Model;

namespace JobStatus.Emulator.Cloud;

/// <summary>The 200 body of RDS's ListJobInfo and GaussDB for MySQL's ShowGaussMySqlJobInfo, whose
/// SDK models (GetJobInfoResponseBodyJob, GetJobInfoDetail) have the same fields, all strings:
/// <c>{"job":{"id","name","status","created","ended","process","instance":{"id","name"},"entities","fail_reason"}}</c>.</summary>
internal sealed class RdsJobBodyWriter : JobBodyWriter
{
    protected override void WriteFields(Utf8JsonWriter writer, EmulatedJob job, DateTimeOffset now, bool finished, string requestId)
    {
        writer.WriteStartObject("job");
        DatabaseJob.WriteHead(writer, job, now, finished);

        // The API page: "only a running job returns its progress, such as 60%; otherwise ''".
        writer.WriteString(
            "process",
            finished ? string.Empty : job.PercentDoneAt(now).ToString(CultureInfo.InvariantCulture) + "%");
        DatabaseJob.WriteInstance(writer, job);

        // "A job without entities returns {}" (the API page); the emulator's jobs describe none.
        writer.WriteStartObject("entities");
        writer.WriteEndObject();
        if (finished && job.ErrorMsg is not null)
        {
            writer.WriteString("fail_reason", job.ErrorMsg);
        }

        writer.WriteEndObject();
    }
}
