using System;
using System.Globalization;
using System.Text.Json;
using JobStatus.Emulator.Model;

namespace JobStatus.Emulator.Cloud;

/// <summary>The 200 body of DDS's ShowJobDetail (SDK model JobDetail, every field required, all
/// strings): <c>{"job":{"id","name","status","created","ended","progress","instance":{"id","name"},"fail_reason"}}</c>.
/// Unlike RDS: "progress", not "process"; no entities; fail_reason null when there is none, as in
/// the vendor's example.</summary>
internal sealed class DdsJobBodyWriter : JobBodyWriter
{
    protected override void WriteFields(Utf8JsonWriter writer, EmulatedJob job, DateTimeOffset now, bool finished, string requestId)
    {
        writer.WriteStartObject("job");
        DatabaseJob.WriteHead(writer, job, now, finished);

        // The example's finished job says "100%"; a running one counts up with the clock.
        writer.WriteString("progress", job.PercentDoneAt(now).ToString(CultureInfo.InvariantCulture) + "%");
        DatabaseJob.WriteInstance(writer, job);
        if (finished && job.ErrorMsg is not null)
        {
            writer.WriteString("fail_reason", job.ErrorMsg);
        }
        else
        {
            writer.WriteNull("fail_reason");
        }

        writer.WriteEndObject();
    }
}
