using System.Text.Json.Serialization;

namespace JobStatus.Emulator.Model;

/// <summary>How <c>begin_time</c> and <c>end_time</c> are written: the vendor documents one shape and
/// returns another, so clients must cope with all of these.</summary>
[JsonConverter(typeof(EnumNameConverter<JobTimeFormat>))]
internal enum JobTimeFormat
{
    /// <summary>JSON number of epoch milliseconds, as in the vendor's example response.</summary>
    EpochMs,

    /// <summary>Epoch milliseconds as a string of digits: <c>"1641370501000"</c>.</summary>
    EpochMsString,

    /// <summary><c>"2022-01-05T08:15:01Z"</c>.</summary>
    Iso,

    /// <summary><c>"2022-01-05T08:15:01.123Z"</c>.</summary>
    IsoFraction,

    /// <summary><c>"2022-01-05T16:15:01+0800"</c>, the shape the vendor's page documents.</summary>
    IsoOffset,

    /// <summary><c>"2022-01-05T16:15:01+08:00"</c>.</summary>
    IsoColonOffset,
}
