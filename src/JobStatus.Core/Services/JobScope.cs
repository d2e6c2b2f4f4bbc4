using System;
using System.Text.RegularExpressions;

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

    /// <summary>What else than the job a service's request names: the instance, graph, engine, environment or cluster the job belongs to.</summary>
    internal enum JobOwnerKind
    {
        None,

        /// <summary>-InstanceId: a DMS (Kafka, RocketMQ, RabbitMQ) instance.</summary>
        Instance,

        /// <summary>-GraphId: a GES graph.</summary>
        Graph,

        /// <summary>-EngineId: a CSE engine.</summary>
        Engine,

        /// <summary>-EnvironmentId: a CAE environment, sent in the X-Environment-ID header rather than the path.</summary>
        Environment,

        /// <summary>-ClusterId: a CCE cluster (its upgrade tasks).</summary>
        Cluster,
    }

    /// <summary>The id a job is read under, besides its own: its placeholder in the path (or the header that
    /// carries it) and the parameter that gives it.</summary>
    internal sealed class JobOwner
    {
        /// <param name="placeholder">The path's name for it, without braces: "instance_id".</param>
        public JobOwner(JobOwnerKind kind, string placeholder, string what)
            : this(kind, placeholder, what, header: null, format: null, formatText: null)
        {
        }

        private JobOwner(JobOwnerKind kind, string placeholder, string what, string? header, Regex? format, string? formatText)
        {
            if (kind == JobOwnerKind.None)
            {
                throw new ArgumentException("An owner has a kind.", nameof(kind));
            }

            Kind = kind;
            Placeholder = placeholder ?? throw new ArgumentNullException(nameof(placeholder));
            What = what ?? throw new ArgumentNullException(nameof(what));
            Header = header;
            Format = format;
            FormatText = formatText;
        }

        /// <summary>An owner sent as a request header (CAE's X-Environment-ID), not in the path.</summary>
        /// <param name="format">The form the service documents for the header's value: a value of another form is refused before sending.</param>
        /// <param name="formatText">That form in words, for the error: "a UUID such as ...".</param>
        public static JobOwner InHeader(JobOwnerKind kind, string header, string what, Regex format, string formatText) =>
            new JobOwner(
                kind,
                header ?? throw new ArgumentNullException(nameof(header)),
                what,
                header,
                format ?? throw new ArgumentNullException(nameof(format)),
                formatText ?? throw new ArgumentNullException(nameof(formatText)));

        /// <summary>The documented form of the id, where the service gives one; null where any path segment will do.</summary>
        public Regex? Format { get; }

        /// <summary>The documented form in words.</summary>
        public string? FormatText { get; }

        /// <summary>Null when the id has the documented form (or none is documented), else why it is refused.</summary>
        public string? CheckFormat(string id) => Format == null || Format.IsMatch(id)
            ? null
            : $"The {Parameter} '{id}' is not {FormatText}: give the id of {What}.";

        /// <summary>The header that carries the owner's id; null when the path does.</summary>
        public string? Header { get; }

        /// <summary>The owner's placeholder in the path with its braces ("{instance_id}"); null when a header carries it.</summary>
        public string? PathPlaceholder => Header == null ? "{" + Placeholder + "}" : null;

        public JobOwnerKind Kind { get; }

        /// <summary>The path's name for it, without braces: "instance_id", "graph_id"; the header's name for a header owner.</summary>
        public string Placeholder { get; }

        /// <summary>"the Kafka instance the task belongs to": for help and errors.</summary>
        public string What { get; }

        /// <summary>The parameter (and pipeline property) that gives it: InstanceId, GraphId, EngineId, EnvironmentId or ClusterId.</summary>
        public string Parameter => ParameterOf(Kind);

        /// <summary>The parameter's alias, the vendor's snake-case name ("instance_id", "environment_id"): what a CSV column may be called.</summary>
        public string PropertyAlias => Kind switch
        {
            JobOwnerKind.Environment => "environment_id",
            _ => Placeholder,
        };

        public static string ParameterOf(JobOwnerKind kind) => kind switch
        {
            JobOwnerKind.Instance => "InstanceId",
            JobOwnerKind.Graph => "GraphId",
            JobOwnerKind.Engine => "EngineId",
            JobOwnerKind.Environment => "EnvironmentId",
            JobOwnerKind.Cluster => "ClusterId",
            _ => string.Empty,
        };
    }
}
