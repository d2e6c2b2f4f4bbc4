using System.Text.Json.Serialization;

namespace JobStatus.Emulator.Model;

/// <summary>What <c>end_time</c> looks like before the job has finished; the vendor's variants differ.</summary>
[JsonConverter(typeof(EnumNameConverter<EndTimeWhileRunning>))]
internal enum EndTimeWhileRunning
{
    Absent,
    Null,
    Empty,
}
