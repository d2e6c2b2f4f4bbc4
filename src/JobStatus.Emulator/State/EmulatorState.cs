using System;
using System.Collections.Generic;
using JobStatus.Emulator.Auth;
using JobStatus.Emulator.Control;
using JobStatus.Emulator.Model;

namespace JobStatus.Emulator.State;

/// <summary>The emulated cloud: jobs, tokens and faults. One lock guards them all; the state is
/// small and every operation on it is short, so contention stays low even under hundreds of
/// concurrent requests.</summary>
internal sealed class EmulatorState
{
    /// <summary>Accepted when no <c>--token</c> is given, so the emulator works with zero setup.</summary>
    public const string DefaultToken = "emulator-token";

    private readonly object gate = new();
    private readonly TimeProvider clock;
    private readonly IReadOnlyList<string> commandLineTokens;
    private readonly ScenarioFile? scenario;
    private readonly Dictionary<(string ProjectId, string JobId), EmulatedJob> jobs = new();
    private readonly List<Fault> faults = new();

    /// <summary>Draws for faults with a rate; used under the lock only.</summary>
    private readonly Random random = new();
    private readonly Dictionary<string, TokenState> tokens = new(StringComparer.Ordinal);

    /// <exception cref="InvalidSpecException">The scenario has an unusable entry.</exception>
    public EmulatorState(TimeProvider clock, IReadOnlyList<string> commandLineTokens, ScenarioFile? scenario, AuthRegistry? auth = null)
    {
        this.clock = clock;
        this.commandLineTokens = commandLineTokens;
        this.scenario = scenario;
        Auth = auth ?? new AuthRegistry(clock, 86400, Array.Empty<AccessKeySpec>(), Array.Empty<UserSpec>());
        Reset();
    }

    public RequestLog Requests { get; } = new();

    /// <summary>Access keys, users and the tokens issued to them.</summary>
    public AuthRegistry Auth { get; }

    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>Back to the state right after startup: command-line tokens plus the scenario, whose
    /// jobs start afresh. The request log is emptied.</summary>
    public void Reset()
    {
        lock (gate)
        {
            jobs.Clear();
            faults.Clear();
            tokens.Clear();
            if (commandLineTokens.Count == 0)
            {
                tokens[DefaultToken] = TokenState.Valid;
            }

            foreach (var token in commandLineTokens)
            {
                tokens[token] = TokenState.Valid;
            }

            if (scenario is not null)
            {
                ApplyTokens(scenario.Tokens ?? new List<TokenSpec>());
                ApplyJobs(scenario.Jobs ?? new List<JobSpec>());
                ApplyFaults(scenario.Faults ?? new List<FaultSpec>());
            }
        }

        Auth.Reset(scenario);

        Requests.Clear();
    }

    /// <summary>All or nothing: one bad spec rejects the whole batch.</summary>
    public List<JobView> AddJobs(IReadOnlyList<JobSpec> specs)
    {
        lock (gate)
        {
            var now = Now;
            var added = ApplyJobs(specs);
            return added.ConvertAll(job => JobView.From(job, now));
        }
    }

    public List<JobView> ListJobs()
    {
        lock (gate)
        {
            var now = Now;
            var result = new List<JobView>(jobs.Count);
            foreach (var job in jobs.Values)
            {
                result.Add(JobView.From(job, now));
            }

            return result;
        }
    }

    /// <summary>Counts a GET addressed to a job, whatever its outcome (fault, 401, 200): tests ask
    /// "how many times did the client poll", retries included.</summary>
    public void CountRequest(string projectId, string jobId)
    {
        lock (gate)
        {
            if (jobs.TryGetValue((projectId, jobId), out var job))
            {
                job.RequestCount++;
            }
        }
    }

    /// <summary>The job is immutable apart from its count, so it may be read outside the lock.</summary>
    public EmulatedJob? FindJob(string projectId, string jobId)
    {
        lock (gate)
        {
            return jobs.TryGetValue((projectId, jobId), out var job) ? job : null;
        }
    }

    public List<TokenView> SetTokens(IReadOnlyList<TokenSpec> specs)
    {
        lock (gate)
        {
            return ApplyTokens(specs);
        }
    }

    /// <summary>Null for a token the gateway has never issued.</summary>
    public TokenState? GetTokenState(string token)
    {
        lock (gate)
        {
            return tokens.TryGetValue(token, out var state) ? state : null;
        }
    }

    public List<FaultView> AddFaults(IReadOnlyList<FaultSpec> specs)
    {
        lock (gate)
        {
            var first = faults.Count;
            ApplyFaults(specs);
            var result = new List<FaultView>();
            for (var i = first; i < faults.Count; i++)
            {
                result.Add(FaultView.From(faults[i], i));
            }

            return result;
        }
    }

    public List<FaultView> ListFaults()
    {
        lock (gate)
        {
            var result = new List<FaultView>(faults.Count);
            for (var i = 0; i < faults.Count; i++)
            {
                result.Add(FaultView.From(faults[i], i));
            }

            return result;
        }
    }

    public void ClearFaults()
    {
        lock (gate)
        {
            faults.Clear();
        }
    }

    /// <summary>The first fault, in the order added, that matches and has answers left; uses one of them.
    /// The returned fault's settings are immutable, so the caller may read them outside the lock.</summary>
    public Fault? TakeFault(string projectId, string jobId)
    {
        lock (gate)
        {
            var now = DateTimeOffset.UtcNow;
            foreach (var fault in faults)
            {
                if (fault.Fires(projectId, jobId, now, random))
                {
                    fault.UseOne();
                    return fault;
                }
            }

            return null;
        }
    }

    private List<EmulatedJob> ApplyJobs(IReadOnlyList<JobSpec> specs)
    {
        var now = Now;
        var created = new List<EmulatedJob>(specs.Count);
        foreach (var spec in specs)
        {
            created.Add(EmulatedJob.FromSpec(spec, now));
        }

        foreach (var job in created)
        {
            jobs[(job.ProjectId, job.Id)] = job;
        }

        return created;
    }

    private List<TokenView> ApplyTokens(IReadOnlyList<TokenSpec> specs)
    {
        var views = new List<TokenView>(specs.Count);
        foreach (var spec in specs)
        {
            if (string.IsNullOrEmpty(spec.Token))
            {
                throw new InvalidSpecException("A token entry needs a non-empty token.");
            }

            views.Add(new TokenView(spec.Token, spec.State ?? TokenState.Valid));
        }

        foreach (var view in views)
        {
            tokens[view.Token] = view.State;
        }

        return views;
    }

    private void ApplyFaults(IReadOnlyList<FaultSpec> specs)
    {
        var created = new List<Fault>(specs.Count);
        foreach (var spec in specs)
        {
            created.Add(Fault.FromSpec(spec, DateTimeOffset.UtcNow));
        }

        faults.AddRange(created);
    }
}
