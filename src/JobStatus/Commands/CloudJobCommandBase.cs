using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Security;
using System.Threading;
using JobStatus.Client;
using JobStatus.Completion;
using JobStatus.Connection;
using JobStatus.Connection.Iam;
using JobStatus.Errors;
using JobStatus.Pipeline;
using JobStatus.Scheduling;
using JobStatus.Services;
using JobStatus.Session;

namespace JobStatus.Commands
{
    /// <summary>
    /// What Get-CloudJob and Wait-CloudJob share: the service and connection parameters, credential resolution,
    /// cancellation on Ctrl+C, and the mailbox that brings background results to the pipeline thread.
    /// </summary>
    public abstract class CloudJobCommandBase : PSCmdlet, IDisposable
    {
        /// <summary>Clients by service, project, region, endpoint, domain and owner; or why that combination cannot send (a missing domain id).</summary>
        private readonly Dictionary<string, (CloudJobClient? Client, CloudJobFailure? Problem)> _clients = new Dictionary<string, (CloudJobClient?, CloudJobFailure?)>(StringComparer.Ordinal);

        /// <summary>Every request of this command: -ThrottleLimit, budgets and lanes are per command, whatever the services and projects.</summary>
        private ReadScheduler? _scheduler;

        private bool? _showsNotes;
        private readonly HashSet<IamTokenSource> _signIns = new HashSet<IamTokenSource>();
        private CancellationTokenSource _cancellation = new CancellationTokenSource();
        private bool _disposed;

        /// <summary>Whose job API to read (CFW, ECS, RDS, ...), in any case; checked per record, so one bad row fails alone.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(ServiceCompleter))]
        [AllowNull]
        [AllowEmptyString]
        public virtual string? Service { get; set; } = CloudJobServices.Default.Name;

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("project_id")]
        public virtual string? ProjectId { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(RegionCompleter))]
        public virtual string? Region { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public virtual Uri? Endpoint { get; set; }

        /// <summary>The account (domain) id, for account-wide and global services (Global EIP's path holds it; an access key signs UCS and BSS with it).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("domain_id")]
        public virtual string? DomainId { get; set; }

        /// <summary>The instance a job belongs to, for services that read a job under it (DMS Kafka, RocketMQ, RabbitMQ).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("instance_id")]
        public virtual string? InstanceId { get; set; }

        /// <summary>The graph a job belongs to (GES).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("graph_id")]
        public virtual string? GraphId { get; set; }

        /// <summary>The engine a job belongs to (CSE).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("engine_id")]
        public virtual string? EngineId { get; set; }

        /// <summary>The environment a job belongs to (CAE), sent in the X-Environment-ID header.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("environment_id")]
        public virtual string? EnvironmentId { get; set; }

        /// <summary>The cluster a job belongs to (CCE cluster upgrade tasks).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("cluster_id")]
        public virtual string? ClusterId { get; set; }

        [Parameter]
        [SecureStringTransformation]
        public SecureString? Token { get; set; }

        [Parameter]
        [ValidateRange(0, 100)]
        public int MaximumRetryCount { get; set; } = 3;

        [Parameter]
        [ValidateRange(0.0, 600.0)]
        public double RetryIntervalSec { get; set; } = 2;

        [Parameter]
        [ValidateRange(1, 256)]
        public int ThrottleLimit { get; set; } = 16;

        /// <summary>Requests a second for the whole command, retries included; 0 (the default) leaves each service its documented budget.</summary>
        [Parameter]
        [ValidateRange(0.0, 100000.0)]
        public double MaximumRequestRate { get; set; }

        [Parameter]
        public SwitchParameter SkipCertificateCheck { get; set; }

        [Parameter]
        public SwitchParameter AllowUnencryptedAuthentication { get; set; }

        /// <summary>The limit for one HTTP request; null for none.</summary>
        protected abstract TimeSpan? RequestTimeout { get; }

        /// <summary>The parameter that sets <see cref="RequestTimeout"/>, for advice in messages.</summary>
        protected abstract string RequestTimeoutParameter { get; }

        /// <summary>True for a wait: a lane that keeps failing is probed one request at a time, and reads retry until the wait ends.</summary>
        private protected virtual bool Patient => false;

        /// <summary>A wait's poll interval, which bounds its backoffs; null for a one-shot read.</summary>
        private protected virtual TimeSpan? PollInterval => null;

        protected CancellationToken Cancellation => _cancellation.Token;

        /// <summary>The scheduler of every request of this command: -ThrottleLimit, retries, -MaximumRequestRate
        /// (else each service's documented budget, and those learned from 429s), per lane.</summary>
        private protected ReadScheduler Scheduler => _scheduler ??= new ReadScheduler(new SchedulerOptions
        {
            ThrottleLimit = ThrottleLimit,
            MaximumRetryCount = MaximumRetryCount,
            RetryInterval = TimeSpan.FromSeconds(RetryIntervalSec),
            MaximumRequestRate = MaximumRequestRate > 0 ? MaximumRequestRate : (double?)null,
            ProbeFailingLanes = Patient,
            PollInterval = PollInterval,
            Note = ShowsNotes ? Mailbox.Post : null,
        });

        /// <summary>Whether a verbose (or debug) note of this command would show anywhere, looked up
        /// once: notes nobody sees are not even built, so a wait of many jobs does not format and hand
        /// PowerShell two lines per job to throw away.</summary>
        protected bool ShowsNotes => _showsNotes ??= this.NotesShown();

        internal PipelineMailbox Mailbox { get; } = new PipelineMailbox();

        public void Dispose()
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _cancellation.Cancel();
            _scheduler?.Dispose();

            foreach (IamTokenSource source in _signIns)
            {
                source.Renewed -= NoteRenewal;
            }

            DisposeResources();
            _cancellation.Dispose();
            Mailbox.Dispose();
            GC.SuppressFinalize(this);
        }

        protected override void StopProcessing() => _cancellation.Cancel();

        /// <summary>Releases what a derived command holds; called once, after every request was cancelled.</summary>
        protected virtual void DisposeResources()
        {
        }

        /// <summary>Stops every request still in flight (after a failure that ends the command).</summary>
        protected void CancelAll() => _cancellation.Cancel();

        /// <summary>The service -Service names for this record, or null (with <paramref name="unknown"/>) when it names none.</summary>
        private protected static CloudJobService? FindService(string? name, string jobId, out CloudJobFailure? unknown)
        {
            CloudJobService? service = CloudJobServices.Find(name);
            unknown = service != null
                ? null
                : new CloudJobFailure(
                    CloudJobFailureKind.UnknownService,
                    jobId,
                    $"{CloudJobServices.UnknownNameMessage(name!)} No request was sent for job '{jobId}'.");
            return service;
        }

        /// <summary>
        /// The client for the values bound to this record (Service, ProjectId, Region, Endpoint, DomainId and the
        /// owner ids may come from each pipeline object), or null with the failure of this record alone (a
        /// missing instance or domain id). Throws a terminating error when no request of the command could be sent.
        /// </summary>
        private protected CloudJobClient? ClientForCurrentRecord(CloudJobService service, string jobId, out CloudJobFailure? failure) =>
            ClientFor(service, jobId, ProjectId, Region, Endpoint, DomainId, new OwnerIds(InstanceId, GraphId, EngineId, EnvironmentId, ClusterId).For(service), out failure);

        /// <summary>The ids a job may be read under, as the parameters (or a job object) give them.</summary>
        private protected readonly record struct OwnerIds(string? Instance, string? Graph, string? Engine, string? Environment, string? Cluster)
        {
            /// <summary>The owner id this service reads a job under, from the parameter of its kind.</summary>
            public string? For(CloudJobService service) => service.OwnerKind switch
            {
                JobOwnerKind.Instance => Instance,
                JobOwnerKind.Graph => Graph,
                JobOwnerKind.Engine => Engine,
                JobOwnerKind.Environment => Environment,
                JobOwnerKind.Cluster => Cluster,
                _ => null,
            };
        }

        /// <summary>The client for these values, resolved once per command; parameters left null fall back to session and environment.</summary>
        /// <returns>Null, with <paramref name="failure"/>, when this job alone cannot be read (its owner or domain id is missing or wrong).</returns>
        private protected CloudJobClient? ClientFor(CloudJobService service, string jobId, string? projectId, string? region, Uri? endpoint, string? domainId, string? ownerId, out CloudJobFailure? failure)
        {
            failure = null;
            if (service.Owner is JobOwner owner)
            {
                if (string.IsNullOrWhiteSpace(ownerId))
                {
                    failure = new CloudJobFailure(
                        CloudJobFailureKind.OwnerMissing,
                        jobId,
                        $"{service.Name} reads a job under {owner.What}, and no {owner.Parameter} was given for job '{jobId}'. "
                        + $"Give -{owner.Parameter}, or pipe objects with an {owner.Parameter} (or {owner.PropertyAlias}) property. No request was sent for it.");
                    return null;
                }

                if (PathSegmentRules.Check(ownerId, owner.Parameter) is string ownerProblem)
                {
                    failure = new CloudJobFailure(CloudJobFailureKind.InvalidId, jobId, $"{ownerProblem} No request was sent for job '{jobId}'.");
                    return null;
                }

                ownerId = ownerId!.Trim();
                if (owner.CheckFormat(ownerId) is string formatProblem)
                {
                    failure = new CloudJobFailure(CloudJobFailureKind.InvalidId, jobId, $"{formatProblem} No request was sent for job '{jobId}'.");
                    return null;
                }
            }
            else
            {
                ownerId = null;
            }

            string key = $"{service.Name}\n{projectId}\n{region}\n{endpoint?.OriginalString}\n{domainId}\n{ownerId}";
            if (_clients.TryGetValue(key, out (CloudJobClient? Client, CloudJobFailure? Problem) cached))
            {
                failure = cached.Problem?.ForJob(jobId);
                return cached.Client;
            }

            ResolvedContext context = ConnectionResolver.Resolve(
                new ConnectionSettings(Token, projectId, region, endpoint, domainId: domainId),
                CloudJobSessionStore.Current,
                Environment.GetEnvironmentVariable,
                service);
            CloudJobConnection? connection = context.TryCreateConnection(AllowUnencryptedAuthentication, out ConnectionProblem? problem, ownerId);
            if (connection == null && problem!.Kind is ConnectionProblemKind.DomainMissing or ConnectionProblemKind.DomainInvalid)
            {
                // Only this service needs the account: the jobs of the others still go on.
                var refused = new CloudJobFailure(
                    problem.Kind == ConnectionProblemKind.DomainMissing ? CloudJobFailureKind.DomainMissing : CloudJobFailureKind.DomainInvalid,
                    jobId,
                    problem.Message + " No request was sent.");
                _clients[key] = (null, refused);
                failure = refused;
                return null;
            }

            if (connection == null)
            {
                ThrowTerminatingError(CloudJobErrorRecords.ForProblem(problem!));
            }

            WriteDebug($"{connection!.ScopeText} ({(connection.Service.Scope == JobScope.Project ? context.ProjectId.Source : context.DomainId.Source)}), {service.Name} endpoint {EndpointRules.Display(connection.Endpoint)} ({context.Endpoint.Source}), {context.AuthenticationMethod} from {context.Credential.Source}.");
            var options = new CloudJobClientOptions
            {
                RequestTimeout = RequestTimeout,
                RequestTimeoutParameter = RequestTimeoutParameter,
                SkipCertificateCheck = SkipCertificateCheck,
                Scheduler = Scheduler,
            };
            if (context.Credential.Value is PasswordCredential password && _signIns.Add(password.Source))
            {
                // The session's sign-in outlives this command: listen only while it runs.
                password.Source.Renewed += NoteRenewal;
            }

            // Notes nobody will see would be dropped on the pipeline thread anyway; not making them
            // spares a string, a hand-off and a wake-up of the pipeline thread per request.
            var client = new CloudJobClient(connection, options, ShowsNotes ? Mailbox.Post : null);
            _clients[key] = (client, null);
            return client;
        }

        private void NoteRenewal(IamToken token)
        {
            try
            {
                Mailbox.Post($"Renewed the IAM token; the new one expires at {token.ExpiresAt.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z.");
            }
            catch (ObjectDisposedException)
            {
                // Renewed for another command just as this one ended: nobody is left to tell.
            }
        }

        /// <summary>Writes the lines background work has posted. Pipeline thread only.</summary>
        protected void FlushMailbox()
        {
            while (Mailbox.TryTake(out string line))
            {
                this.WriteNote(line);
            }
        }

        /// <summary>Sleeps until background work signals or <paramref name="timeout"/> passes; Ctrl+C ends it at once.</summary>
        /// <returns>False on timeout.</returns>
        protected bool WaitForWork(TimeSpan timeout)
        {
            try
            {
                return Mailbox.Wait(timeout, Cancellation);
            }
            catch (OperationCanceledException)
            {
                throw new PipelineStoppedException();
            }
        }

        /// <summary>Writes a failure: for that job alone, or, <paramref name="terminating"/>, for the whole command, when every job of it would fail alike.</summary>
        private protected void WriteFailure(CloudJobFailure failure, object? target, bool terminating)
        {
            ErrorRecord record = CloudJobErrorRecords.ForFailure(failure, target);
            if (terminating)
            {
                CancelAll();
                ThrowTerminatingError(record);
            }

            WriteError(record);
        }
    }
}
