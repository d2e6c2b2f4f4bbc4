using System;
using System.Globalization;
using System.Text.Json;
using JobStatus.Emulator.Model;

namespace JobStatus.Emulator.Cloud;

/// <summary>Writes the time fields of every answer shape in the job's <see cref="JobTimeFormat"/>.</summary>
internal static class JobTimeWriter
{
    /// <summary>China Standard Time: the offset the vendor's documented "+0800" shape uses.</summary>
    private static readonly TimeSpan ServiceOffset = TimeSpan.FromHours(8);

    public static void Write(Utf8JsonWriter writer, string name, DateTimeOffset value, JobTimeFormat format)
    {
        if (format == JobTimeFormat.EpochMs)
        {
            writer.WriteNumber(name, value.ToUnixTimeMilliseconds());
        }
        else
        {
            writer.WriteString(name, Format(value, format));
        }
    }

    /// <summary>An end-time field: the end once <paramref name="endedAt"/> is known, otherwise what
    /// <paramref name="whileRunning"/> says (nothing, null, "", or the last status change).</summary>
    public static void WriteEnd(
        Utf8JsonWriter writer,
        string name,
        DateTimeOffset? endedAt,
        DateTimeOffset lastChange,
        EndTimeWhileRunning whileRunning,
        JobTimeFormat format)
    {
        if (endedAt is { } end)
        {
            Write(writer, name, end, format);
            return;
        }

        switch (whileRunning)
        {
            case EndTimeWhileRunning.Absent:
                break;
            case EndTimeWhileRunning.Null:
                writer.WriteNull(name);
                break;
            case EndTimeWhileRunning.Empty:
                writer.WriteString(name, string.Empty);
                break;
            case EndTimeWhileRunning.LastChange:
                Write(writer, name, lastChange, format);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(whileRunning), whileRunning, "Unknown end-time form.");
        }
    }

    /// <summary>The text of a time; for <see cref="JobTimeFormat.EpochMs"/>, its digits.</summary>
    public static string Format(DateTimeOffset value, JobTimeFormat format)
    {
        var utc = value.UtcDateTime;
        var local = value.ToOffset(ServiceOffset);
        switch (format)
        {
            case JobTimeFormat.EpochMs:
            case JobTimeFormat.EpochMsString:
                return value.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
            case JobTimeFormat.Iso:
                return utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
            case JobTimeFormat.IsoFraction:
                return utc.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
            case JobTimeFormat.IsoOffset:
                return local.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture) + "+0800";
            case JobTimeFormat.IsoColonOffset:
                return local.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
            case JobTimeFormat.IsoOffsetUtc:
                return utc.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture) + "+0000";
            case JobTimeFormat.GoTime:
                // Go's layout "2006-01-02 15:04:05.999999999 -0700 MST": the fraction loses its
                // trailing zeros, and its dot when it is zero.
                var fraction = utc.Millisecond == 0
                    ? string.Empty
                    : "." + utc.Millisecond.ToString("000", CultureInfo.InvariantCulture).TrimEnd('0');
                return utc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + fraction + " +0000 UTC";
            case JobTimeFormat.IsoNoZone:
                return utc.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
            case JobTimeFormat.IsoFractionNoZone:
                return utc.ToString("yyyy-MM-dd'T'HH:mm:ss.fff", CultureInfo.InvariantCulture);
            case JobTimeFormat.SpacedNoZone:
                return utc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
            case JobTimeFormat.IsoFractionColonOffsetUtc:
                return utc.ToString("yyyy-MM-dd'T'HH:mm:ss.fff", CultureInfo.InvariantCulture) + "+00:00";
            case JobTimeFormat.IsoMicro:
                return utc.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
            default:
                throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown time format.");
        }
    }
}
