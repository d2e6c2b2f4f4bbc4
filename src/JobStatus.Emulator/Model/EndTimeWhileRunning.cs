using System.Text.Json.Serialization;

namespace JobStatus.Emulator.Model;

/// <summary>What <c>end_time</c> looks like before the job has finished; the vendor's variants differ.</summary>
[JsonConverter(typeof(EnumNameConverter<EndTimeWhileRunning>))]
internal enum EndTimeWhileRunning
{
    Absent,
    Null,
    Empty,

    /// <summary>The time of the job's last status change: CCE's <c>updateTimestamp</c>, which a
    /// running job has too.</summary>
    LastChange,
}
