using System.Globalization;
using System.Text.Json;

namespace JobStatus.Emulator.Model;

/// <summary>A registered fault. Only <see cref="Remaining"/> changes, under the owner's lock.</summary>
internal sealed class Fault
{
    private Fault(FaultKind kind, string? jobId, string? projectId, int count, int delayMs, int status, string? retryAfter)
    {
        Kind = kind;
        JobId = jobId;
        ProjectId = projectId;
        Count = count;
        Remaining = count;
        DelayMs = delayMs;
        Status = status;
        RetryAfter = retryAfter;
    }

    public FaultKind Kind { get; }

    public string? JobId { get; }

    public string? ProjectId { get; }

    /// <summary>As registered; -1 = forever.</summary>
    public int Count { get; }

    /// <summary>Answers left; -1 = forever, 0 = used up (kept so tests can see that it fired).</summary>
    public int Remaining { get; private set; }

    /// <summary>Waited before answering. Meant for <see cref="FaultKind.Slow"/>, honoured by every
    /// kind so that, say, a 504 can also take its time.</summary>
    public int DelayMs { get; }

    /// <summary>The HTTP status of a <see cref="FaultKind.Status"/> fault.</summary>
    public int Status { get; }

    /// <summary>The Retry-After header value, or null for none.</summary>
    public string? RetryAfter { get; }

    public bool Matches(string projectId, string jobId) =>
        Remaining != 0
        && (JobId is null || JobId == jobId)
        && (ProjectId is null || ProjectId == projectId);

    public void UseOne()
    {
        if (Remaining > 0)
        {
            Remaining--;
        }
    }

    public static Fault FromSpec(FaultSpec spec)
    {
        var kind = spec.Kind ?? throw new InvalidSpecException(
            "A fault needs a kind: throttle, html500, html502, html503, html504, html200, brokenJson, missingData, emptyBody, slow, status or reset.");

        var count = spec.Count ?? 1;
        if (count < 1 && count != -1)
        {
            throw new InvalidSpecException($"count must be -1 (forever) or at least 1, not {count}.");
        }

        var delayMs = spec.DelayMs ?? (kind == FaultKind.Slow ? 1000 : 0);
        if (delayMs < 0)
        {
            throw new InvalidSpecException($"delayMs must not be negative, not {delayMs}.");
        }

        var status = spec.Status ?? 400;
        if (status < 100 || status > 599)
        {
            throw new InvalidSpecException($"status must be an HTTP status code from 100 to 599, not {status}.");
        }

        if (spec.Status is not null && kind != FaultKind.Status)
        {
            throw new InvalidSpecException("status applies only to faults of kind status; the other kinds have their own status code.");
        }

        return new Fault(kind, EmptyToNull(spec.JobId), EmptyToNull(spec.ProjectId), count, delayMs, status, ReadRetryAfter(spec.RetryAfter));
    }

    private static string? ReadRetryAfter(JsonElement? value)
    {
        if (value is not { } element || element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (element.ValueKind == JsonValueKind.Number && element.TryGetInt64(out var seconds) && seconds >= 0)
        {
            return seconds.ToString(CultureInfo.InvariantCulture);
        }

        if (element.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(element.GetString()))
        {
            return element.GetString();
        }

        throw new InvalidSpecException(
            $"retryAfter must be a whole number of seconds or a string sent verbatim (e.g. an HTTP-date), not {element.GetRawText()}.");
    }

    private static string? EmptyToNull(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
