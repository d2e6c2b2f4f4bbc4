using System;
using System.Collections.Generic;

namespace JobStatus
{
    /// <summary>One asynchronous job as the service last reported it.</summary>
    public sealed class CloudJob
    {
        public CloudJob(
            string id,
            CloudJobStatus status,
            string rawStatus,
            DateTimeOffset? beginTime,
            DateTimeOffset? endTime,
            string? errorCode,
            string? errorMessage,
            string? projectId,
            string? region,
            Uri endpoint,
            string? requestId,
            DateTimeOffset retrievedAt,
            string service = "CFW",
            string? jobType = null,
            IReadOnlyList<CloudJob>? subJobs = null,
            IReadOnlyList<string>? resourceIds = null,
            string? domainId = null,
            string? instanceId = null,
            string? graphId = null,
            string? engineId = null,
            string? environmentId = null,
            string? clusterId = null)
        {
            Id = id;
            Status = status;
            RawStatus = rawStatus;
            BeginTime = beginTime;
            EndTime = endTime;
            ErrorCode = errorCode;
            ErrorMessage = errorMessage;
            ProjectId = projectId;
            Region = region ?? endpoint.Host;
            Endpoint = endpoint;
            RequestId = requestId;
            RetrievedAt = retrievedAt;
            Service = service;
            JobType = jobType;
            SubJobs = subJobs ?? Array.Empty<CloudJob>();
            ResourceIds = resourceIds ?? Array.Empty<string>();
            DomainId = domainId;
            InstanceId = instanceId;
            GraphId = graphId;
            EngineId = engineId;
            EnvironmentId = environmentId;
            ClusterId = clusterId;
        }

        /// <summary>The service the job was read from (CFW, ECS, RDS, ...), as -Service takes it.</summary>
        public string Service { get; }

        public string Id { get; }

        public CloudJobStatus Status { get; }

        /// <summary>The status text exactly as the service sent it.</summary>
        public string RawStatus { get; }

        public DateTimeOffset? BeginTime { get; }

        public DateTimeOffset? EndTime { get; }

        /// <summary>
        /// End minus begin for a finished job; for a job still running, the time from its start to
        /// when it was read. Null when the service gave no begin time.
        /// </summary>
        public TimeSpan? Duration
        {
            get
            {
                if (BeginTime is not DateTimeOffset begin)
                {
                    return null;
                }

                DateTimeOffset? end = EndTime ?? (IsFinished ? null : RetrievedAt);
                if (end is not DateTimeOffset e)
                {
                    return null;
                }

                TimeSpan span = e - begin;
                return span < TimeSpan.Zero ? TimeSpan.Zero : span;
            }
        }

        /// <summary>True once the job has succeeded or failed; it will not change any more.</summary>
        public bool IsFinished => Status == CloudJobStatus.Success || Status == CloudJobStatus.Failed;

        /// <summary>What kind of job it is, where the service says (createServer, CreateMysqlInstance, CreateCluster).</summary>
        public string? JobType { get; }

        /// <summary>The jobs this one is made of (one per server of a batch, say), each with its own status and error.</summary>
        public IReadOnlyList<CloudJob> SubJobs { get; }

        /// <summary>
        /// The ids of the resources the job made or changed (servers, volumes, images, instances,
        /// clusters), its own first and then its sub-jobs', each once: what a runbook's next step needs.
        /// </summary>
        public IReadOnlyList<string> ResourceIds { get; }

        public string? ErrorCode { get; }

        /// <summary>Why the job failed, as the service put it (error_msg, fail_reason, status.reason).</summary>
        public string? ErrorMessage { get; }

        /// <summary>The project the job was read in; null for a service scoped by the account (Global EIP) or global (DNS, UCS, orders).</summary>
        public string? ProjectId { get; }

        /// <summary>The account (domain) id the job was read under, where the service's path or signature needed it.</summary>
        public string? DomainId { get; }

        /// <summary>The instance the job was read under (DMS Kafka, RocketMQ, RabbitMQ tasks); null for other services.</summary>
        public string? InstanceId { get; }

        /// <summary>The graph the job was read under (GES); null for other services.</summary>
        public string? GraphId { get; }

        /// <summary>The engine the job was read under (CSE); null for other services.</summary>
        public string? EngineId { get; }

        /// <summary>The environment the job was read under (CAE, X-Environment-ID); null for other services.</summary>
        public string? EnvironmentId { get; }

        /// <summary>The cluster the job was read under (CCE cluster upgrade tasks); null for other services.</summary>
        public string? ClusterId { get; }

        /// <summary>The region the job was read from, or the endpoint's host when no region was named.</summary>
        public string Region { get; }

        public Uri Endpoint { get; }

        /// <summary>The service's request id of the answer this object was made from (X-Request-Id).</summary>
        public string? RequestId { get; }

        /// <summary>When this status was read.</summary>
        public DateTimeOffset RetrievedAt { get; }

        /// <summary>This job with the resources a lookup found (an order's, read after it completed).</summary>
        internal CloudJob WithResourceIds(IReadOnlyList<string> resourceIds) => new CloudJob(
            Id, Status, RawStatus, BeginTime, EndTime, ErrorCode, ErrorMessage, ProjectId, Region, Endpoint, RequestId, RetrievedAt,
            Service, JobType, SubJobs, resourceIds, DomainId, InstanceId, GraphId, EngineId, EnvironmentId, ClusterId);

        public override string ToString() => Id;
    }
}
