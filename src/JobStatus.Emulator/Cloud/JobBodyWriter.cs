using System;
using System.IO;
using System.Text.Json;
using JobStatus.Emulator.Model;

namespace JobStatus.Emulator.Cloud;

/// <summary>Writes the 200 answer of one job API shape: one JSON object, whose own fields each
/// service's writer adds. A job with <c>extraFields</c> adds fields no vendor model declares, first.</summary>
internal abstract class JobBodyWriter
{
    /// <param name="requestId">The answer's X-Request-Id, for shapes that repeat it in the body.</param>
    public byte[] Write(EmulatedJob job, DateTimeOffset now, string requestId)
    {
        var finished = job.IsFinishedAt(now);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, CloudResponseWriter.WriterOptions))
        {
            writer.WriteStartObject();
            WriteLeading(writer, job, finished);
            if (job.ExtraFields)
            {
                ExtraFields.WriteTopLevel(writer);
            }

            WriteFields(writer, job, now, finished, requestId);
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>Fields some variants put before everything else.</summary>
    protected virtual void WriteLeading(Utf8JsonWriter writer, EmulatedJob job, bool finished)
    {
    }

    protected abstract void WriteFields(Utf8JsonWriter writer, EmulatedJob job, DateTimeOffset now, bool finished, string requestId);
}
