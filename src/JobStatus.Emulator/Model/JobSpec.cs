using System.Collections.Generic;

namespace JobStatus.Emulator.Model;

/// <summary>A job as posted to the control API or listed in a scenario file. Every field is
/// optional; <see cref="EmulatedJob.FromSpec"/> fills in the defaults, most of them the service's own.</summary>
internal sealed class JobSpec
{
    /// <summary>Whose job API answers for the job (CFW, ECS, RDS...), any case; default CFW.</summary>
    public string? Service { get; set; }

    /// <summary>Only for a service whose path has {project_id}; default the vendor example's project.</summary>
    public string? ProjectId { get; set; }

    /// <summary>Only for a service whose path has {domain_id} (GEIP); default an invented account id.</summary>
    public string? DomainId { get; set; }

    /// <summary>Only for a service whose path names an instance (Kafka, RocketMQ, RabbitMQ); default a fresh id.</summary>
    public string? InstanceId { get; set; }

    /// <summary>Only for a service whose path names a graph (GES); default a fresh id.</summary>
    public string? GraphId { get; set; }

    /// <summary>Only for a service whose path names an engine (CSE); default a fresh id.</summary>
    public string? EngineId { get; set; }

    /// <summary>Only for a service that takes an environment in a header (CAE); default a fresh id.</summary>
    public string? EnvironmentId { get; set; }

    /// <summary>Only for a service whose path names a cluster (CCE upgrade tasks); default a fresh id.</summary>
    public string? ClusterId { get; set; }

    public string? Id { get; set; }

    /// <summary>Seconds from begin to end; -1 keeps the job running forever.</summary>
    public double? RunSeconds { get; set; }

    /// <summary>Shown for the first <see cref="InitialSeconds"/> before <see cref="RunningStatus"/> (ECS INIT, CCE Initializing).</summary>
    public string? InitialStatus { get; set; }

    public double? InitialSeconds { get; set; }

    public string? RunningStatus { get; set; }

    /// <summary>Raw text on purpose: clients must keep statuses they do not know.</summary>
    public string? FinalStatus { get; set; }

    /// <summary>Shorthand for the service's failure word as <see cref="FinalStatus"/>.</summary>
    public bool? Failed { get; set; }

    public string? ErrorCode { get; set; }

    public string? ErrorMsg { get; set; }

    /// <summary>The service's job type field (ECS job_type, RDS name, CCE spec.type...).</summary>
    public string? JobType { get; set; }

    /// <summary>The resource the job made (ECS entities.server_id, RDS instance.id, CCE spec.resourceID...).</summary>
    public string? ResourceId { get; set; }

    public List<SubJobSpec>? SubJobs { get; set; }

    public JobTimeFormat? TimeFormat { get; set; }

    public EndTimeWhileRunning? EndTimeWhileRunning { get; set; }

    /// <summary>ISO 8601 instant; without an offset it is read as UTC.</summary>
    public string? BeginTime { get; set; }

    public bool? ExtraFields { get; set; }
}
