using System;
using JobStatus.Emulator.Model;

namespace JobStatus.Emulator.Control;

/// <summary>A fault as the control API shows it; <c>remaining</c> 0 means it has fired all it will.</summary>
internal sealed record FaultView(
    int Index,
    FaultKind Kind,
    string? Service,
    string? JobId,
    string? ProjectId,
    int Count,
    int Remaining,
    int DelayMs,
    int? Status,
    string? RetryAfter,
    double Rate,
    DateTimeOffset? Until,
    string? Location,
    int? SizeBytes)
{
    public static FaultView From(Fault fault, int index) => new(
        index,
        fault.Kind,
        fault.Service?.Name,
        fault.JobId,
        fault.ProjectId,
        fault.Count,
        fault.Remaining,
        fault.DelayMs,
        fault.Kind is FaultKind.Status or FaultKind.Raw ? fault.Status : null,
        fault.RetryAfter,
        fault.Rate,
        fault.Until,
        fault.Location,
        fault.Kind == FaultKind.Oversized ? fault.SizeBytes : null);
}
