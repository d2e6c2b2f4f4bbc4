using System;
using System.Globalization;
using System.IO;
using System.Text.Json;
using JobStatus.Emulator.Model;

namespace JobStatus.Emulator.Cloud;

/// <summary>The 200 body of List Job Status, in whichever of the vendor's variants the job asks for.</summary>
internal static class JobBodyWriter
{
    /// <summary>China Standard Time: the offset the vendor's documented "+0800" shape uses.</summary>
    private static readonly TimeSpan ServiceOffset = TimeSpan.FromHours(8);

    public static byte[] Write(EmulatedJob job, DateTimeOffset now)
    {
        var finished = job.IsFinishedAt(now);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, CloudResponseWriter.WriterOptions))
        {
            writer.WriteStartObject();

            // Some regional variants put these at the top level of a 200 once the job has ended.
            if (finished && job.ErrorCode is not null)
            {
                writer.WriteString("error_code", job.ErrorCode);
            }

            if (finished && job.ErrorMsg is not null)
            {
                writer.WriteString("error_msg", job.ErrorMsg);
            }

            if (job.ExtraFields)
            {
                // Unknown fields, nested ones too, that a client must skip.
                writer.WriteString("trace_id", Guid.NewGuid().ToString("N"));
                writer.WriteStartObject("meta");
                writer.WriteString("region", "cn-north-4");
                writer.WriteStartArray("tags");
                writer.WriteStringValue("emulated");
                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            writer.WriteStartObject("data");
            writer.WriteString("id", job.Id);
            writer.WriteString("status", job.StatusAt(now));
            WriteTime(writer, "begin_time", job.BeginTime, job.TimeFormat);
            if (finished)
            {
                WriteTime(writer, "end_time", job.EndTime!.Value, job.TimeFormat);
            }
            else if (job.EndTimeWhileRunning == EndTimeWhileRunning.Null)
            {
                writer.WriteNull("end_time");
            }
            else if (job.EndTimeWhileRunning == EndTimeWhileRunning.Empty)
            {
                writer.WriteString("end_time", string.Empty);
            }

            if (job.ExtraFields)
            {
                writer.WriteNumber("progress", finished ? 100 : 40);
                writer.WriteString("job_type", "emulated");
                writer.WriteStartArray("sub_jobs");
                writer.WriteEndArray();
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static void WriteTime(Utf8JsonWriter writer, string name, DateTimeOffset value, JobTimeFormat format)
    {
        var utc = value.UtcDateTime;
        var local = value.ToOffset(ServiceOffset);
        switch (format)
        {
            case JobTimeFormat.EpochMs:
                writer.WriteNumber(name, value.ToUnixTimeMilliseconds());
                break;
            case JobTimeFormat.EpochMsString:
                writer.WriteString(name, value.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture));
                break;
            case JobTimeFormat.Iso:
                writer.WriteString(name, utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
                break;
            case JobTimeFormat.IsoFraction:
                writer.WriteString(name, utc.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
                break;
            case JobTimeFormat.IsoOffset:
                writer.WriteString(name, local.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture) + "+0800");
                break;
            case JobTimeFormat.IsoColonOffset:
                writer.WriteString(name, local.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown time format.");
        }
    }
}
