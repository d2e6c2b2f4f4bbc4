using System.Text.Json;

namespace JobStatus.Emulator.Model;

/// <summary>A fault as posted to the control API or listed in a scenario file.</summary>
internal sealed class FaultSpec
{
    public FaultKind? Kind { get; set; }

    /// <summary>Fire only for requests to this service (any case): its own path, or on a shared path
    /// a job it holds.</summary>
    public string? Service { get; set; }

    /// <summary>Fire only for this (percent-decoded) job id.</summary>
    public string? JobId { get; set; }

    /// <summary>Fire only for this (percent-decoded) project id.</summary>
    public string? ProjectId { get; set; }

    /// <summary>How many requests the fault answers; -1 = all of them.</summary>
    public int? Count { get; set; }

    public int? DelayMs { get; set; }

    /// <summary>The status code of a <see cref="FaultKind.Status"/> or <see cref="FaultKind.Raw"/> fault.</summary>
    public int? Status { get; set; }

    /// <summary>The chance, above 0 and at most 1, that a matching request meets the fault (default 1).</summary>
    public double? Rate { get; set; }

    /// <summary>The fault fires only this long after it was added (default: no end).</summary>
    public int? DurationMs { get; set; }

    /// <summary>The Location of a <see cref="FaultKind.Redirect"/>.</summary>
    public string? Location { get; set; }

    /// <summary>The body size of an <see cref="FaultKind.Oversized"/> fault.</summary>
    public int? SizeBytes { get; set; }

    /// <summary>The body of a <see cref="FaultKind.Raw"/> fault.</summary>
    public string? Body { get; set; }

    /// <summary>The content type of a <see cref="FaultKind.Raw"/> fault (default JSON).</summary>
    public string? ContentType { get; set; }

    /// <summary>A number of seconds, or a string sent verbatim (so an HTTP-date can be tested too).</summary>
    public JsonElement? RetryAfter { get; set; }
}
