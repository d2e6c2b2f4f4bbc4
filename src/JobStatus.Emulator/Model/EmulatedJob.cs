using System;
using System.Collections.Generic;
using System.Globalization;
using JobStatus.Emulator.Catalog;
using JobStatus.Services;

namespace JobStatus.Emulator.Model;

/// <summary>A job of the emulated cloud. Immutable except for its request count; its status is a
/// function of the clock, so no timer has to flip it.</summary>
internal sealed class EmulatedJob
{
    /// <summary>The project id of the vendor's example request.</summary>
    public const string DefaultProjectId = "09bb24e6fe80d23d2fa2c010b53b418c";

    /// <summary>The account id of jobs of a {domain_id} path whose spec gives none; invented, in the form of an IAM domain id.</summary>
    public const string DefaultDomainId = "0b5a1e6f6a00d4d90f7ec00a2b8e3c71";

    /// <summary>Keeps begin + run time far inside DateTimeOffset's range.</summary>
    internal const double MaxRunSeconds = 10 * 365 * 24 * 3600;

    private EmulatedJob(JobSpec spec, EmulatedService service, DateTimeOffset now, long sequence)
    {
        Service = service;
        var scope = service.Catalog.Scope;
        ProjectId = ReadScoped(spec.ProjectId, "projectId", service, scope == JobScope.Project) ?? (scope == JobScope.Project ? DefaultProjectId : null);
        DomainId = ReadScoped(spec.DomainId, "domainId", service, scope == JobScope.Domain) ?? (scope == JobScope.Domain ? DefaultDomainId : null);
        OwnerId = ReadOwner(spec, service);
        Id = RequireNonEmpty(spec.Id, "id") ?? Guid.NewGuid().ToString("D");
        RunSeconds = ReadRunSeconds(spec.RunSeconds, "runSeconds") ?? 2;
        (InitialStatus, InitialSeconds) = ReadInitial(spec);
        RunningStatus = RequireNonEmpty(spec.RunningStatus, "runningStatus") ?? service.RunningStatus;
        FinalStatus = ReadFinalStatus(spec.FinalStatus, spec.Failed, "", service.SuccessStatus, service.FailureStatus);
        ErrorCode = spec.ErrorCode;
        ErrorMsg = spec.ErrorMsg;
        JobType = ReadOwnField(spec.JobType, "jobType", service, service.JobType is not null) ?? service.JobType;
        ResourceId = ReadOwnField(spec.ResourceId, "resourceId", service, service.NewResourceId is not null) ?? service.NewResourceId?.Invoke();
        TimeFormat = spec.TimeFormat ?? service.TimeFormat;
        EndTimeWhileRunning = spec.EndTimeWhileRunning ?? service.EndTimeWhileRunning;
        BeginTime = TruncateToMilliseconds(ParseBeginTime(spec.BeginTime) ?? now);
        EndTime = RunSeconds < 0 ? null : TruncateToMilliseconds(BeginTime.AddSeconds(RunSeconds));
        ExtraFields = spec.ExtraFields ?? false;
        Sequence = sequence;
        AuxiliaryId = Guid.NewGuid().ToString("D");
        SubJobs = ReadSubJobs(spec.SubJobs, service);
    }

    public EmulatedService Service { get; }

    /// <summary>Null for a service whose path names no project (a {domain_id} or global path).</summary>
    public string? ProjectId { get; }

    /// <summary>Set only for a service whose path names the account ({domain_id}).</summary>
    public string? DomainId { get; }

    /// <summary>What a request names the job under: the project or domain id; null on a global path.</summary>
    public string? ScopeId => ProjectId ?? DomainId;

    /// <summary>The instance, graph or engine the job belongs to, for a service whose path names one; else null.</summary>
    public string? OwnerId { get; }

    public string Id { get; }

    public double RunSeconds { get; }

    /// <summary>Shown for the first <see cref="InitialSeconds"/>; null for none.</summary>
    public string? InitialStatus { get; }

    public double InitialSeconds { get; }

    public string RunningStatus { get; }

    public string FinalStatus { get; }

    public string? ErrorCode { get; }

    public string? ErrorMsg { get; }

    /// <summary>Null for a service whose answer has no job type.</summary>
    public string? JobType { get; }

    /// <summary>Null for a service whose answer names no resource.</summary>
    public string? ResourceId { get; }

    public IReadOnlyList<EmulatedSubJob> SubJobs { get; }

    public JobTimeFormat TimeFormat { get; }

    public EndTimeWhileRunning EndTimeWhileRunning { get; }

    public DateTimeOffset BeginTime { get; }

    /// <summary>Null for a job that runs forever.</summary>
    public DateTimeOffset? EndTime { get; }

    public bool ExtraFields { get; }

    /// <summary>Order of creation: where several services share a path and each holds a job with
    /// the same id, the one posted last answers.</summary>
    public long Sequence { get; }

    /// <summary>A second generated id for fields a spec cannot set (CCE's spec.clusterUID), stable
    /// for the job's life.</summary>
    public string AuxiliaryId { get; }

    /// <summary>GETs addressed to this job; guarded by the owner's lock.</summary>
    public int RequestCount { get; set; }

    public bool IsFinishedAt(DateTimeOffset now) => EndTime is { } end && now >= end;

    public string StatusAt(DateTimeOffset now)
    {
        if (IsFinishedAt(now))
        {
            return FinalStatus;
        }

        return InitialStatus is not null && now < RunningSince ? InitialStatus : RunningStatus;
    }

    /// <summary>How far along the clock the job is, 0 to 100: the database services report a running
    /// job's progress ("60%"). A job that runs forever stays at 0.</summary>
    public int PercentDoneAt(DateTimeOffset now)
    {
        if (IsFinishedAt(now))
        {
            return 100;
        }

        if (EndTime is not { } end || end <= BeginTime || now <= BeginTime)
        {
            return 0;
        }

        return Math.Min(99, (int)(100 * (now - BeginTime).Ticks / (end - BeginTime).Ticks));
    }

    /// <summary>When the status last changed: begin, the end of the initial status, or the end.</summary>
    public DateTimeOffset LastChangeAt(DateTimeOffset now)
    {
        if (IsFinishedAt(now))
        {
            return EndTime!.Value;
        }

        return InitialStatus is not null && now >= RunningSince ? RunningSince : BeginTime;
    }

    /// <summary>The end of the initial status (no later than the end).</summary>
    private DateTimeOffset RunningSince
    {
        get
        {
            var since = TruncateToMilliseconds(BeginTime.AddSeconds(InitialSeconds));
            return EndTime is { } end && end < since ? end : since;
        }
    }

    /// <exception cref="InvalidSpecException">A field is out of range, or the service's answer has no place for it.</exception>
    public static EmulatedJob FromSpec(JobSpec spec, DateTimeOffset now, long sequence = 0)
    {
        var service = EmulatedServices.Find(spec.Service);
        return new EmulatedJob(spec, service, now, sequence);
    }

    internal static string? RequireNonEmpty(string? value, string name)
    {
        if (value is not null && value.Length == 0)
        {
            throw new InvalidSpecException($"{name} must not be empty; leave it out to get the default.");
        }

        return value;
    }

    internal static double? ReadRunSeconds(double? runSeconds, string name)
    {
        if (runSeconds is { } seconds && seconds != -1 && (seconds < 0 || seconds > MaxRunSeconds || double.IsNaN(seconds)))
        {
            throw new InvalidSpecException(
                $"{name} must be -1 (runs forever) or between 0 and {MaxRunSeconds}, not {seconds.ToString(CultureInfo.InvariantCulture)}.");
        }

        return runSeconds;
    }

    /// <param name="where">Prefix for messages about a sub-job ("subJobs[1]."), empty for the job.</param>
    internal static string ReadFinalStatus(string? finalStatus, bool? failed, string where, string success, string failure)
    {
        var given = RequireNonEmpty(finalStatus, where + "finalStatus");
        if (failed == true && given is not null)
        {
            throw new InvalidSpecException($"Give {where}failed or {where}finalStatus, not both: failed is shorthand for finalStatus '{failure}'.");
        }

        return given ?? (failed == true ? failure : success);
    }

    /// <summary>Refuses a value for a field the service's answer does not have, rather than drop it unseen.</summary>
    internal static string? ReadOwnField(string? value, string name, EmulatedService service, bool serviceHasIt)
    {
        if (value is not null && !serviceHasIt)
        {
            throw new InvalidSpecException($"{name} does not apply to {service.Name}: its job API's answer has no such field.");
        }

        return RequireNonEmpty(value, name);
    }

    /// <summary>A project or domain id, only for a service whose path has that placeholder.</summary>
    private static string? ReadScoped(string? value, string name, EmulatedService service, bool applies)
    {
        if (value is not null && !applies)
        {
            throw new InvalidSpecException(
                $"{name} does not apply to {service.Name}: its path {service.Catalog.PathTemplate} is scoped by {DescribeScope(service.Catalog.Scope)}.");
        }

        return RequireNonEmpty(value, name);
    }

    private static string DescribeScope(JobScope scope) => scope switch
    {
        JobScope.Project => "the project (projectId)",
        JobScope.Domain => "the account (domainId)",
        _ => "nothing (a global service)",
    };

    /// <summary>The owner id for a service whose request names one (instanceId, graphId, engineId or environmentId, as
    /// the owner's kind says); a fresh id when the spec gives none. Refuses the others.</summary>
    private static string? ReadOwner(JobSpec spec, EmulatedService service)
    {
        var owner = service.Catalog.Owner;
        string? result = null;
        foreach (var (kind, value, name) in new[]
        {
            (JobOwnerKind.Instance, spec.InstanceId, "instanceId"),
            (JobOwnerKind.Graph, spec.GraphId, "graphId"),
            (JobOwnerKind.Engine, spec.EngineId, "engineId"),
            (JobOwnerKind.Environment, spec.EnvironmentId, "environmentId"),
            (JobOwnerKind.Cluster, spec.ClusterId, "clusterId"),
        })
        {
            if (value is null)
            {
                continue;
            }

            if (owner?.Kind != kind)
            {
                var wanted = owner is null ? "it names no instance, graph, engine, environment or cluster" : $"it takes {char.ToLowerInvariant(owner.Parameter[0])}{owner.Parameter.Substring(1)}";
                throw new InvalidSpecException($"{name} does not apply to {service.Name}: its path is {service.Catalog.PathTemplate}, and {wanted}.");
            }

            result = RequireNonEmpty(value, name);
        }

        return owner is null ? null : result ?? Guid.NewGuid().ToString("D");
    }

    private static (string? Status, double Seconds) ReadInitial(JobSpec spec)
    {
        var status = RequireNonEmpty(spec.InitialStatus, "initialStatus");
        if ((status is null) != (spec.InitialSeconds is null))
        {
            throw new InvalidSpecException("initialStatus and initialSeconds go together: the status, and for how many seconds it is shown before runningStatus.");
        }

        var seconds = spec.InitialSeconds ?? 0;
        if (seconds < 0 || seconds > MaxRunSeconds || double.IsNaN(seconds))
        {
            throw new InvalidSpecException(
                $"initialSeconds must be between 0 and {MaxRunSeconds}, not {seconds.ToString(CultureInfo.InvariantCulture)}.");
        }

        return (status, seconds);
    }

    private IReadOnlyList<EmulatedSubJob> ReadSubJobs(List<SubJobSpec>? specs, EmulatedService service)
    {
        if (specs is null)
        {
            return Array.Empty<EmulatedSubJob>();
        }

        if (!service.HasSubJobs)
        {
            throw new InvalidSpecException(
                $"{service.Name} jobs have no sub-jobs; subJobs applies to {string.Join(", ", EmulatedServices.WithSubJobs)}.");
        }

        var subJobs = new List<EmulatedSubJob>(specs.Count);
        for (var i = 0; i < specs.Count; i++)
        {
            var spec = specs[i] ?? throw new InvalidSpecException($"subJobs[{i}] must be a JSON object.");
            subJobs.Add(EmulatedSubJob.FromSpec(spec, this, $"subJobs[{i}].", i));
        }

        return subJobs;
    }

    private static DateTimeOffset? ParseBeginTime(string? text)
    {
        if (text is null)
        {
            return null;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            return parsed;
        }

        throw new InvalidSpecException($"beginTime '{text}' is not an ISO 8601 instant such as 2022-01-05T08:15:01Z.");
    }

    // Every time format carries at most milliseconds; keeping more would make end_time - begin_time
    // differ from runSeconds after formatting.
    internal static DateTimeOffset TruncateToMilliseconds(DateTimeOffset value) =>
        value.AddTicks(-(value.UtcTicks % TimeSpan.TicksPerMillisecond));
}
