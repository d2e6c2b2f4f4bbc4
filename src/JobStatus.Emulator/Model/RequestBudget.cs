using System;
using System.Collections.Generic;
using System.Globalization;
using JobStatus.Emulator.Catalog;

namespace JobStatus.Emulator.Model;

/// <summary>
/// A token bucket per project for one service's job API (or every API): it refills at
/// limit / period requests a second up to its burst; a request that finds it empty is refused with
/// the gateway's 429 <c>APIGW.0308</c>, whose message states the policy as the cloud's does
/// ("... policy user over ratelimit,limit:200,time:5 minute").
/// </summary>
internal sealed class RequestBudget
{
    private readonly Dictionary<string, (double Tokens, DateTimeOffset At)> buckets = new(StringComparer.Ordinal);

    private RequestBudget(BudgetSpec spec, int index)
    {
        Index = index;
        Service = spec.Service is null ? null : EmulatedServices.Find(spec.Service).Name;
        ProjectId = spec.ProjectId;
        Limit = spec.Limit ?? throw new InvalidSpecException("limit is required: the requests allowed per periodSeconds.");
        PeriodSeconds = spec.PeriodSeconds ?? 60;
        if (Limit < 1 || PeriodSeconds < 1)
        {
            throw new InvalidSpecException("limit and periodSeconds must be at least 1.");
        }

        Burst = spec.Burst ?? Math.Max(1, PerSecond);
        if (!(Burst >= 1) || double.IsInfinity(Burst))
        {
            throw new InvalidSpecException("burst must be at least 1.");
        }
    }

    public int Index { get; }

    public string? Service { get; }

    public string? ProjectId { get; }

    public int Limit { get; }

    public int PeriodSeconds { get; }

    public double Burst { get; }

    public double PerSecond => (double)Limit / PeriodSeconds;

    public int Allowed { get; private set; }

    public int Refused { get; private set; }

    /// <summary>"limit:200,time:5 minute", as the gateway words its policy.</summary>
    public string Policy => PeriodSeconds % 60 == 0
        ? string.Format(CultureInfo.InvariantCulture, "limit:{0},time:{1} minute", Limit, PeriodSeconds / 60)
        : string.Format(CultureInfo.InvariantCulture, "limit:{0},time:{1} second", Limit, PeriodSeconds);

    public static RequestBudget FromSpec(BudgetSpec spec, int index) => new(spec, index);

    public bool Applies(EmulatedService? service, string projectId) =>
        (Service is null || string.Equals(Service, service?.Name, StringComparison.Ordinal))
        && (ProjectId is null || string.Equals(ProjectId, projectId, StringComparison.Ordinal));

    /// <summary>Takes a token for this project's bucket; false when it is empty. Callers hold the state's lock.</summary>
    public bool TryTake(string projectId, DateTimeOffset now)
    {
        var (tokens, at) = buckets.TryGetValue(projectId, out var bucket) ? bucket : (Burst, now);
        tokens = Math.Min(Burst, tokens + ((now - at).TotalSeconds * PerSecond));
        if (tokens < 1)
        {
            buckets[projectId] = (tokens, now);
            Refused++;
            return false;
        }

        buckets[projectId] = (tokens - 1, now);
        Allowed++;
        return true;
    }
}
