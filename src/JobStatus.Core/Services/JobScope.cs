using System;

namespace JobStatus.Services
{
    /// <summary>What a service's job path is scoped by: a project, the account (domain), or nothing (a global service).</summary>
    internal enum JobScope
    {
        /// <summary>{project_id} in the path; the request carries the project (X-Project-Id when signed).</summary>
        Project,

        /// <summary>{domain_id} in the path (Global EIP): account-wide, signed with X-Domain-Id as the vendor's GlobalCredentials do.</summary>
        Domain,

        /// <summary>Neither in the path (DNS batch tasks, UCS, BSS orders): a global service, signed with X-Domain-Id.</summary>
        Global,
    }

    /// <summary>What else than the job a service's path names: the instance, graph or engine the job belongs to.</summary>
    internal enum JobOwnerKind
    {
        None,

        /// <summary>-InstanceId: a DMS (Kafka, RocketMQ, RabbitMQ) instance.</summary>
        Instance,

        /// <summary>-GraphId: a GES graph.</summary>
        Graph,

        /// <summary>-EngineId: a CSE engine.</summary>
        Engine,
    }

    /// <summary>The id a job is read under, besides its own: its placeholder in the path and the parameter that gives it.</summary>
    internal sealed class JobOwner
    {
        public JobOwner(JobOwnerKind kind, string placeholder, string what)
        {
            if (kind == JobOwnerKind.None)
            {
                throw new ArgumentException("An owner has a kind.", nameof(kind));
            }

            Kind = kind;
            Placeholder = placeholder ?? throw new ArgumentNullException(nameof(placeholder));
            What = what ?? throw new ArgumentNullException(nameof(what));
        }

        public JobOwnerKind Kind { get; }

        /// <summary>The path's name for it, without braces: "instance_id", "graph_id".</summary>
        public string Placeholder { get; }

        /// <summary>"the Kafka instance the task belongs to": for help and errors.</summary>
        public string What { get; }

        /// <summary>The parameter (and pipeline property) that gives it: InstanceId, GraphId or EngineId.</summary>
        public string Parameter => ParameterOf(Kind);

        public static string ParameterOf(JobOwnerKind kind) => kind switch
        {
            JobOwnerKind.Instance => "InstanceId",
            JobOwnerKind.Graph => "GraphId",
            JobOwnerKind.Engine => "EngineId",
            _ => string.Empty,
        };
    }
}
