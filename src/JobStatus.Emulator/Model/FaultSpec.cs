using System.Text.Json;

namespace JobStatus.Emulator.Model;

/// <summary>A fault as posted to the control API or listed in a scenario file.</summary>
internal sealed class FaultSpec
{
    public FaultKind? Kind { get; set; }

    /// <summary>Fire only for this (percent-decoded) job id.</summary>
    public string? JobId { get; set; }

    /// <summary>Fire only for this (percent-decoded) project id.</summary>
    public string? ProjectId { get; set; }

    /// <summary>How many requests the fault answers; -1 = all of them.</summary>
    public int? Count { get; set; }

    public int? DelayMs { get; set; }

    /// <summary>The status code of a <see cref="FaultKind.Status"/> fault.</summary>
    public int? Status { get; set; }

    /// <summary>A number of seconds, or a string sent verbatim (so an HTTP-date can be tested too).</summary>
    public JsonElement? RetryAfter { get; set; }
}
