using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace JobStatus.Emulator.Control;

/// <summary>One cloud-API request as received, for tests to check what the client really sent.</summary>
/// <param name="Service">Whose path it was: one service, the services of a shared path joined by
/// '/' (ECS/BMS/...), IAM for sign-ins; null when the path matched none.</param>
internal sealed record RequestLogEntry(
    string Time,
    string RequestId,
    string Method,
    string RawTarget,
    string? Service,
    string? ProjectId,
    string? JobId,
    [property: JsonPropertyOrder(1)] IReadOnlyDictionary<string, string> Headers)
{
    /// <summary>Null while the request is in flight, and for good when no answer was sent (a reset
    /// fault, or the client hung up first). Set under the request log's lock.</summary>
    public int? Status { get; set; }
}
