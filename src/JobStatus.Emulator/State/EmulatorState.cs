using System;
using System.Collections.Generic;
using JobStatus.Emulator.Auth;
using JobStatus.Emulator.Catalog;
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
    /// <summary>Keyed by service too: the same id may exist in two services, as in the cloud.</summary>
    /// <summary>Keyed by scope (project or domain id, empty on a global path) and owner (empty where the path names none):
    /// a job is found only under its own.</summary>
    private readonly Dictionary<(string Service, string ScopeId, string OwnerId, string JobId), EmulatedJob> jobs = new();
    private readonly List<Fault> faults = new();
    private readonly List<RequestBudget> budgets = new();

    /// <summary>Draws for faults with a rate; used under the lock only.</summary>
    private readonly Random random = new();
    private readonly Dictionary<string, TokenState> tokens = new(StringComparer.Ordinal);

    /// <summary>Numbers jobs in order of creation; see <see cref="EmulatedJob.Sequence"/>.</summary>
    private long sequence;

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

    /// <summary>Fed by the connection middleware on the listener; see <see cref="ConnectionCounter"/>.</summary>
    public ConnectionCounter Connections { get; } = new();

    /// <summary>Access keys, users and the tokens issued to them.</summary>
    public AuthRegistry Auth { get; }

    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>Back to the state right after startup: command-line tokens plus the scenario, whose
    /// jobs start afresh. The request log and the count of connections opened are emptied.</summary>
    public void Reset()
    {
        lock (gate)
        {
            jobs.Clear();
            faults.Clear();
            budgets.Clear();
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
        Connections.ResetOpened();
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
    /// <returns>The service the request is for: the path's own, or on a shared path the one that
    /// holds the job (null when none does). Faults with a service match on it.</returns>
    public EmulatedService? CountRequest(JobApi api, string? scopeId, string? ownerId, string? jobId)
    {
        lock (gate)
        {
            var job = Resolve(api, scopeId, ownerId, jobId);
            if (job is not null)
            {
                job.RequestCount++;
            }

            return job?.Service ?? (api.IsShared ? null : api.Services[0]);
        }
    }

    /// <summary>The job is immutable apart from its count, so it may be read outside the lock.</summary>
    public EmulatedJob? FindJob(JobApi api, string? scopeId, string? ownerId, string jobId)
    {
        lock (gate)
        {
            return Resolve(api, scopeId, ownerId, jobId);
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
    public List<BudgetView> AddBudgets(IReadOnlyList<BudgetSpec> specs)
    {
        lock (gate)
        {
            var made = new List<RequestBudget>(specs.Count);
            foreach (var spec in specs)
            {
                made.Add(RequestBudget.FromSpec(spec, budgets.Count + made.Count));
            }

            budgets.AddRange(made);
            return made.ConvertAll(BudgetView.From);
        }
    }

    public List<BudgetView> ListBudgets()
    {
        lock (gate)
        {
            return budgets.ConvertAll(BudgetView.From);
        }
    }

    public void ClearBudgets()
    {
        lock (gate)
        {
            budgets.Clear();
        }
    }

    /// <summary>The budget a request to this service's API for this project finds empty, or null when every one that applies let it through.</summary>
    public RequestBudget? TakeBudget(EmulatedService? service, string projectId)
    {
        lock (gate)
        {
            var now = DateTimeOffset.UtcNow;
            foreach (var budget in budgets)
            {
                if (budget.Applies(service, projectId) && !budget.TryTake(projectId, now))
                {
                    return budget;
                }
            }

            return null;
        }
    }

    public Fault? TakeFault(EmulatedService? service, string projectId, string? jobId)
    {
        lock (gate)
        {
            var now = DateTimeOffset.UtcNow;
            foreach (var fault in faults)
            {
                if (fault.Fires(service, projectId, jobId, now, random))
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
            created.Add(EmulatedJob.FromSpec(spec, now, ++sequence));
        }

        foreach (var job in created)
        {
            jobs[(job.Service.Name, job.ScopeId ?? string.Empty, job.OwnerId ?? string.Empty, job.Id)] = job;
        }

        return created;
    }

    /// <summary>The job the path's services hold; on a shared path, the one posted last. Under the lock.</summary>
    private EmulatedJob? Resolve(JobApi api, string? scopeId, string? ownerId, string? jobId)
    {
        if (jobId is null)
        {
            return null;
        }

        EmulatedJob? found = null;
        foreach (var service in api.Services)
        {
            if (jobs.TryGetValue((service.Name, scopeId ?? string.Empty, ownerId ?? string.Empty, jobId), out var job) && (found is null || job.Sequence > found.Sequence))
            {
                found = job;
            }
        }

        return found;
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
