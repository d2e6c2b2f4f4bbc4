using System;
using System.Globalization;
using System.Text.Json;
using JobStatus.Emulator.Catalog;

namespace JobStatus.Emulator.Model;

/// <summary>A registered fault. Only <see cref="Remaining"/> changes, under the owner's lock.</summary>
internal sealed class Fault
{
    private const int DefaultOversizedBytes = 10 * 1024 * 1024;

    private const string DefaultRedirect = "https://elsewhere.invalid/v3/stolen";

    private Fault(FaultSpec spec, EmulatedService? service, FaultKind kind, int count, int delayMs, int status, string? retryAfter, double rate, DateTimeOffset? until)
    {
        Kind = kind;
        Service = service;
        JobId = EmptyToNull(spec.JobId);
        ProjectId = EmptyToNull(spec.ProjectId);
        Count = count;
        Remaining = count;
        DelayMs = delayMs;
        Status = status;
        RetryAfter = retryAfter;
        Rate = rate;
        Until = until;
        Location = kind == FaultKind.Redirect ? spec.Location ?? DefaultRedirect : null;
        SizeBytes = kind == FaultKind.Oversized ? spec.SizeBytes ?? DefaultOversizedBytes : 0;
        Body = kind == FaultKind.Raw ? spec.Body ?? string.Empty : null;
        ContentType = kind == FaultKind.Raw ? spec.ContentType ?? Cloud.CloudResponseWriter.JsonContentType : null;
    }

    public FaultKind Kind { get; }

    /// <summary>Null: any service.</summary>
    public EmulatedService? Service { get; }

    public string? JobId { get; }

    public string? ProjectId { get; }

    /// <summary>As registered; -1 = forever.</summary>
    public int Count { get; }

    /// <summary>Answers left; -1 = forever, 0 = used up (kept so tests can see that it fired).</summary>
    public int Remaining { get; private set; }

    /// <summary>Waited before answering. Meant for <see cref="FaultKind.Slow"/>, honoured by every
    /// kind so that, say, a 504 can also take its time; for <see cref="FaultKind.Drip"/>, the pause
    /// between chunks.</summary>
    public int DelayMs { get; }

    /// <summary>The HTTP status of a <see cref="FaultKind.Status"/> or <see cref="FaultKind.Raw"/> fault.</summary>
    public int Status { get; }

    /// <summary>The Retry-After header value, or null for none.</summary>
    public string? RetryAfter { get; }

    /// <summary>The chance that a matching request meets the fault.</summary>
    public double Rate { get; }

    /// <summary>After this time the fault no longer fires; null = no end.</summary>
    public DateTimeOffset? Until { get; }

    public string? Location { get; }

    public int SizeBytes { get; }

    public string? Body { get; }

    public string? ContentType { get; }

    /// <summary>Whether this request meets the fault; <paramref name="random"/> is drawn only for a
    /// fault with a rate below 1, so faults without one stay deterministic.</summary>
    /// <param name="service">The service the request is for; null on a shared path where no service holds the job.</param>
    public bool Fires(EmulatedService? service, string projectId, string? jobId, DateTimeOffset now, Random random) =>
        Remaining != 0
        && (Service is null || Service == service)
        && (JobId is null || JobId == jobId)
        && (ProjectId is null || ProjectId == projectId)
        && (Until is null || now < Until)
        && (Rate >= 1 || random.NextDouble() < Rate);

    public void UseOne()
    {
        if (Remaining > 0)
        {
            Remaining--;
        }
    }

    public static Fault FromSpec(FaultSpec spec, DateTimeOffset now)
    {
        var kind = spec.Kind ?? throw new InvalidSpecException(
            "A fault needs a kind: throttle, html500, html502, html503, html504, html200, brokenJson, missingData, emptyBody, "
            + "slow, status, reset, redirect, oversized, drip, truncated or raw.");

        // An unknown name is a 400 listing the known ones, not a fault that never fires.
        var service = string.IsNullOrEmpty(spec.Service) ? null : EmulatedServices.Find(spec.Service);

        var count = spec.Count ?? 1;
        if (count < 1 && count != -1)
        {
            throw new InvalidSpecException($"count must be -1 (forever) or at least 1, not {count}.");
        }

        var delayMs = spec.DelayMs ?? kind switch
        {
            FaultKind.Slow => 1000,
            FaultKind.Drip => 100,
            _ => 0,
        };
        if (delayMs < 0)
        {
            throw new InvalidSpecException($"delayMs must not be negative, not {delayMs}.");
        }

        var status = spec.Status ?? (kind == FaultKind.Raw ? 200 : 400);
        if (status < 100 || status > 599)
        {
            throw new InvalidSpecException($"status must be an HTTP status code from 100 to 599, not {status}.");
        }

        if (spec.Status is not null && kind != FaultKind.Status && kind != FaultKind.Raw)
        {
            throw new InvalidSpecException("status applies only to faults of kind status or raw; the other kinds have their own status code.");
        }

        var rate = spec.Rate ?? 1;
        if (!(rate > 0 && rate <= 1))
        {
            throw new InvalidSpecException($"rate must be above 0 and at most 1, not {rate.ToString(CultureInfo.InvariantCulture)}.");
        }

        if (spec.DurationMs is < 1)
        {
            throw new InvalidSpecException($"durationMs must be at least 1, not {spec.DurationMs}.");
        }

        if (spec.SizeBytes is < 1)
        {
            throw new InvalidSpecException($"sizeBytes must be at least 1, not {spec.SizeBytes}.");
        }

        RequireOnly(spec.Location, FaultKind.Redirect, kind, "location");
        RequireOnly(spec.SizeBytes, FaultKind.Oversized, kind, "sizeBytes");
        RequireOnly(spec.Body, FaultKind.Raw, kind, "body");
        RequireOnly(spec.ContentType, FaultKind.Raw, kind, "contentType");

        var until = spec.DurationMs is int duration ? now.AddMilliseconds(duration) : (DateTimeOffset?)null;
        return new Fault(spec, service, kind, count, delayMs, status, ReadRetryAfter(spec.RetryAfter), rate, until);
    }

    private static void RequireOnly(object? value, FaultKind owner, FaultKind kind, string name)
    {
        if (value is not null && kind != owner)
        {
            throw new InvalidSpecException($"{name} applies only to faults of kind {EnumNameConverter<FaultKind>.NameOf(owner)}.");
        }
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
