using System;
using System.Collections.Generic;
using JobStatus.Emulator.Control;

namespace JobStatus.Emulator.State;

/// <summary>Every cloud-API request received, oldest first, for tests to inspect.</summary>
internal sealed class RequestLog
{
    /// <summary>A demo left polling for a day must not grow without bound; tests never get near this.</summary>
    public const int Capacity = 10_000;

    private readonly object gate = new();
    private readonly Queue<RequestLogEntry> entries = new();

    /// <summary>Called on arrival, so the log is in arrival order even when answers finish out of order.</summary>
    public void Add(RequestLogEntry entry)
    {
        lock (gate)
        {
            entries.Enqueue(entry);
            if (entries.Count > Capacity)
            {
                entries.Dequeue();
            }
        }
    }

    public void Complete(RequestLogEntry entry, int? status)
    {
        lock (gate)
        {
            entry.Status = status;
        }
    }

    /// <summary>Copies, so that serializing does not race with <see cref="Complete"/>.</summary>
    public List<RequestLogEntry> Snapshot(string? jobId)
    {
        lock (gate)
        {
            var result = new List<RequestLogEntry>(entries.Count);
            foreach (var entry in entries)
            {
                if (jobId is null || string.Equals(entry.JobId, jobId, StringComparison.Ordinal))
                {
                    result.Add(entry with { });
                }
            }

            return result;
        }
    }

    public void Clear()
    {
        lock (gate)
        {
            entries.Clear();
        }
    }
}
