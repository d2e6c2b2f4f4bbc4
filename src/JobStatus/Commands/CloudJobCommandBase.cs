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
        private readonly Dictionary<string, CloudJobClient> _clients = new Dictionary<string, CloudJobClient>(StringComparer.Ordinal);

        /// <summary>-ThrottleLimit, shared by every client of this command: the limit is per command, whatever the services and projects.</summary>
        private RequestSlots? _slots;

        private bool? _showsNotes;
        private readonly HashSet<IamTokenSource> _signIns = new HashSet<IamTokenSource>();
        private CancellationTokenSource _cancellation = new CancellationTokenSource();
        private RequestBudgets? _budgets;
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

        protected CancellationToken Cancellation => _cancellation.Token;

        /// <summary>The request budgets of this command: -MaximumRequestRate, else each service's documented one, and those learned from 429s.</summary>
        protected RequestBudgets Budgets => _budgets ??= new RequestBudgets(
            MaximumRequestRate > 0 ? MaximumRequestRate : (double?)null,
            ShowsNotes ? Mailbox.Post : null);

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
            foreach (CloudJobClient client in _clients.Values)
            {
                client.Dispose();
            }

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
        protected static CloudJobService? FindService(string? name, string jobId, out CloudJobFailure? unknown)
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
        /// The client for the values bound to this record (Service, ProjectId, Region and Endpoint may come
        /// from each pipeline object). Throws a terminating error when no request could be sent.
        /// </summary>
        protected CloudJobClient ClientForCurrentRecord(CloudJobService service) => ClientFor(service, ProjectId, Region, Endpoint);

        /// <summary>The client for these values, resolved once per command; parameters left null fall back to session and environment.</summary>
        protected CloudJobClient ClientFor(CloudJobService service, string? projectId, string? region, Uri? endpoint)
        {
            string key = $"{service.Name}\n{projectId}\n{region}\n{endpoint?.OriginalString}";
            if (_clients.TryGetValue(key, out CloudJobClient? cached))
            {
                return cached;
            }

            ResolvedContext context = ConnectionResolver.Resolve(
                new ConnectionSettings(Token, projectId, region, endpoint),
                CloudJobSessionStore.Current,
                Environment.GetEnvironmentVariable,
                service);
            CloudJobConnection? connection = context.TryCreateConnection(AllowUnencryptedAuthentication, out ConnectionProblem? problem);
            if (connection == null)
            {
                ThrowTerminatingError(CloudJobErrorRecords.ForProblem(problem!));
            }

            WriteDebug($"Project {connection!.ProjectId} ({context.ProjectId.Source}), {service.Name} endpoint {EndpointRules.Display(connection.Endpoint)} ({context.Endpoint.Source}), {context.AuthenticationMethod} from {context.Credential.Source}.");
            var options = new CloudJobClientOptions
            {
                RequestTimeout = RequestTimeout,
                MaximumRetryCount = MaximumRetryCount,
                RetryInterval = TimeSpan.FromSeconds(RetryIntervalSec),
                ThrottleLimit = ThrottleLimit,
                Slots = _slots ??= new RequestSlots(ThrottleLimit),
                SkipCertificateCheck = SkipCertificateCheck,
                Budget = Budgets.For(service, connection.Endpoint),
            };
            if (context.Credential.Value is PasswordCredential password && _signIns.Add(password.Source))
            {
                // The session's sign-in outlives this command: listen only while it runs.
                password.Source.Renewed += NoteRenewal;
            }

            // Notes nobody will see would be dropped on the pipeline thread anyway; not making them
            // spares a string, a hand-off and a wake-up of the pipeline thread per request.
            var client = new CloudJobClient(connection, options, ShowsNotes ? Mailbox.Post : null);
            _clients[key] = client;
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

        /// <summary>Writes a failure: for that job alone, or for the whole command when every job would fail alike.</summary>
        protected void WriteFailure(CloudJobFailure failure, object? target)
        {
            ErrorRecord record = CloudJobErrorRecords.ForFailure(failure, target);
            if (failure.AffectsEveryJob)
            {
                CancelAll();
                ThrowTerminatingError(record);
            }

            WriteError(record);
        }
    }
}
