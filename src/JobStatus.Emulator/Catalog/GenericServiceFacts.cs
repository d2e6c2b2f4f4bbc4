using System;
using System.Collections.Generic;
using JobStatus.Emulator.Model;

namespace JobStatus.Emulator.Catalog;

/// <summary>What the emulator needs to play a catalog service without a hand-written writer, beyond
/// what the catalog holds: how its answer writes times, and how its job API's own errors look.
/// One row of <see cref="GenericServiceTable"/>.</summary>
internal sealed class GenericServiceFacts
{
    public required JobTimeFormat TimeFormat { get; init; }

    public EndTimeWhileRunning EndTimeWhileRunning { get; init; } = EndTimeWhileRunning.Absent;

    public required ErrorShape ErrorShape { get; init; }

    /// <summary>The 404 for a job nobody holds: the documented not-found code where there is one, else invented.</summary>
    public required string NotFoundCode { get; init; }

    public string NotFoundMessage { get; init; } = "The job does not exist or has expired.";

    /// <summary>The word a running job shows where the catalog documents none (GEIP): invented, so the module reads it as Unknown.</summary>
    public string? UndocumentedRunningWord { get; init; }

    /// <summary>The word a failed job ends with where the catalog documents none (DNS, GEIP): invented, read as Unknown.</summary>
    public string? UndocumentedFailureWord { get; init; }

    /// <summary>Fields the SDK model requires that the catalog's shape does not name, by dotted path as in
    /// the shape, each with its raw JSON; a field the shape writes keeps the shape's value.</summary>
    public IReadOnlyDictionary<string, string> FixedFields { get; init; } = new Dictionary<string, string>();

    /// <summary>Paths of the shape whose values the SDK model types as numbers (CSE's id, an order's
    /// type): written as JSON numbers when they are integers.</summary>
    public IReadOnlyList<string> NumberFields { get; init; } = Array.Empty<string>();

    /// <summary>The default of the job's type field, where the catalog's shape has one.</summary>
    public string? JobType { get; init; }
}
