using System;
using JobStatus.Emulator.Cloud;
using JobStatus.Emulator.Model;
using JobStatus.Services;

namespace JobStatus.Emulator.Catalog;

/// <summary>One service whose job API the emulator plays: its path, its answer's shape, and the
/// defaults a job spec leaves out, all from the vendor's SDK models and examples (docs/Emulator.md
/// cites them).</summary>
internal sealed class EmulatedService
{
    /// <summary>As <c>-Service</c> spells it (CFW, ECS, GaussDB...).</summary>
    public required string Name { get; init; }

    public required JobApi Api { get; init; }

    /// <summary>The module's catalog entry: path, scope, owner, shape and words. Set when
    /// <see cref="EmulatedServices"/> binds the emulator's services to the catalog.</summary>
    public CloudJobService Catalog { get; set; } = null!;

    /// <summary>True where every status word of the catalog is an integer ("1", "-1"): the answer
    /// writes the status as a JSON number.</summary>
    public bool StatusIsNumber { get; init; }

    /// <summary>The table row of a service played from its catalog shape; null for a hand-written one.</summary>
    public GenericServiceFacts? Facts { get; init; }

    /// <summary>False for a service played from its catalog shape by <see cref="GenericJobBodyWriter"/>.</summary>
    public bool HandWritten { get; init; } = true;

    public required JobBodyWriter Writer { get; init; }

    public required string RunningStatus { get; init; }

    public required string SuccessStatus { get; init; }

    public required string FailureStatus { get; init; }

    public required JobTimeFormat TimeFormat { get; init; }

    public EndTimeWhileRunning EndTimeWhileRunning { get; init; } = EndTimeWhileRunning.Absent;

    /// <summary>The default of the job's type field; null when the answer has no such field.</summary>
    public string? JobType { get; init; }

    /// <summary>Makes a resource id in the vendor's form; null when the answer names no resource.</summary>
    public Func<string>? NewResourceId { get; init; }

    /// <summary>The default type of a sub-job; null when the service's jobs have no sub-jobs.</summary>
    public string? SubJobType { get; init; }

    /// <summary>The words of a sub-job, where they differ from its parent's (ELB: a main job ends
    /// COMPLETE, its sub-jobs SUCCESS).</summary>
    public string? SubJobSuccessStatus { get; init; }

    /// <summary>True where a sub-job's resource is by default its parent's (ELB's all name the load
    /// balancer); otherwise each makes its own (ECS: one server each).</summary>
    public bool SubJobsShareResource { get; init; }

    /// <summary>The entities field that names the job's resource in the v1 job API (server_id,
    /// volume_id); null for the shapes that have no such field or name it themselves.</summary>
    public string? ResourceIdField { get; init; }

    /// <summary>Where the v1 job API's entities keep the sub-jobs: sub_jobs, or sub_jobs_result at IMS.</summary>
    public string SubJobsField { get; init; } = "sub_jobs";

    /// <summary>True where the answer always has the sub-job list, empty when there are none, and
    /// its length in sub_jobs_total (ECS, BMS); false where the list is left out when empty (EVS, IMS).</summary>
    public bool ListsNoSubJobs { get; init; }

    /// <summary>True where the entities also count the sub-jobs in sub_jobs_total (ECS and BMS).</summary>
    public bool CountsSubJobs { get; init; }

    public bool HasSubJobs => SubJobType is not null;
}
