using System.Text.Json.Serialization;

namespace JobStatus.Emulator.Model;

/// <summary>How <c>begin_time</c> and <c>end_time</c> (or a service's own time fields) are written:
/// the vendor documents one shape and returns another, and each service has its own.</summary>
[JsonConverter(typeof(EnumNameConverter<JobTimeFormat>))]
internal enum JobTimeFormat
{
    /// <summary>JSON number of epoch milliseconds, as in CFW's example response.</summary>
    EpochMs,

    /// <summary>Epoch milliseconds as a string of digits: <c>"1641370501000"</c>.</summary>
    EpochMsString,

    /// <summary><c>"2022-01-05T08:15:01Z"</c> (ELB).</summary>
    Iso,

    /// <summary><c>"2022-01-05T08:15:01.123Z"</c> (the ECS family).</summary>
    IsoFraction,

    /// <summary><c>"2022-01-05T16:15:01+0800"</c>, the shape CFW's page and RDS's example show.</summary>
    IsoOffset,

    /// <summary><c>"2022-01-05T16:15:01+08:00"</c>.</summary>
    IsoColonOffset,

    /// <summary><c>"2022-01-05T08:15:01+0000"</c>: compact offset in UTC, as DDS's example.</summary>
    IsoOffsetUtc,

    /// <summary><c>"2022-01-05 08:15:01.123 +0000 UTC"</c>: Go's <c>time.Time.String()</c>, as CCE's
    /// example (Go drops trailing zeros of the fraction, and the fraction when it is zero).</summary>
    GoTime,

    /// <summary><c>"2022-01-05T08:15:01"</c>: UTC without a zone (GES, DWS).</summary>
    IsoNoZone,

    /// <summary><c>"2022-01-05T08:15:01.123"</c>: UTC with milliseconds, without a zone (DNS's example).</summary>
    IsoFractionNoZone,

    /// <summary><c>"2022-01-05 08:15:01"</c>: UTC, a space for the T, no zone (SFS Turbo).</summary>
    SpacedNoZone,

    /// <summary><c>"2022-01-05T08:15:01.123+00:00"</c> (CBR's example).</summary>
    IsoFractionColonOffsetUtc,

    /// <summary><c>"2022-01-05T08:15:01.123000Z"</c>: microseconds (SWR, CAE).</summary>
    IsoMicro,
}
