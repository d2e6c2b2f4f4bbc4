using System;
using System.Management.Automation;
using JobStatus.Client;
using JobStatus.Completion;
using JobStatus.Errors;
using JobStatus.Pipeline;
using JobStatus.Services;
using JobStatus.Session;
using JobStatus.Waiting;

namespace JobStatus.Commands
{
    /// <summary>
    /// Wait-CloudJob: polls many jobs concurrently and writes each one as soon as it finishes. A job
    /// that ends Failed is written and reported as an error; jobs still running at -Timeout get an
    /// OperationTimeout error each, so a wait never ends silently. A transient failure never ends a
    /// wait. The session (<see cref="WaitSession"/>) decides what to say; this writes it.
    /// </summary>
    // InputObject is the default set because pipeline binding tries the default set first: a piped
    // CloudJob must bind as itself (so a finished one needs no request), not by its Id property.
    [Cmdlet(VerbsLifecycle.Wait, "CloudJob", DefaultParameterSetName = InputObjectSet)]
    [OutputType(typeof(CloudJob))]
    public sealed class WaitCloudJobCommand : CloudJobCommandBase
    {
        private const string IdSet = "Id";
        private const string InputObjectSet = "InputObject";
        private const int ProgressActivityId = 1;
        private const string ProgressActivity = "Waiting for cloud jobs";

        /// <summary>How often the pipeline thread looks at the deadline and the progress when nothing happens.</summary>
        private static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);

        private WaitSession? _session;
        private bool _progressShown;

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = IdSet)]
        [Alias("Id", "job_id")]
        [ArgumentCompleter(typeof(JobIdCompleter))]
        [AllowNull]
        [AllowEmptyString]
        [AllowEmptyCollection]
        public string?[] JobId { get; set; } = Array.Empty<string>();

        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = InputObjectSet)]
        public CloudJob[] InputObject { get; set; } = Array.Empty<CloudJob>();

        // Service, ProjectId, Region and Endpoint bind by property name only for ids. A job object
        // carries them itself; and were they bound from a piped row in the default set (InputObject),
        // the binder would take that set as matched and turn the row into a string for -JobId instead
        // of reading its JobId / job_id column.

        /// <inheritdoc />
        [Parameter(ParameterSetName = IdSet, ValueFromPipelineByPropertyName = true)]
        [Parameter(ParameterSetName = InputObjectSet)]
        [ArgumentCompleter(typeof(ServiceCompleter))]
        [AllowNull]
        [AllowEmptyString]
        public override string? Service { get => base.Service; set => base.Service = value; }

        /// <inheritdoc />
        [Parameter(ParameterSetName = IdSet, ValueFromPipelineByPropertyName = true)]
        [Parameter(ParameterSetName = InputObjectSet)]
        [Alias("project_id")]
        public override string? ProjectId { get => base.ProjectId; set => base.ProjectId = value; }

        /// <inheritdoc />
        [Parameter(ParameterSetName = IdSet, ValueFromPipelineByPropertyName = true)]
        [Parameter(ParameterSetName = InputObjectSet)]
        [ArgumentCompleter(typeof(RegionCompleter))]
        public override string? Region { get => base.Region; set => base.Region = value; }

        /// <inheritdoc />
        [Parameter(ParameterSetName = IdSet, ValueFromPipelineByPropertyName = true)]
        [Parameter(ParameterSetName = InputObjectSet)]
        public override Uri? Endpoint { get => base.Endpoint; set => base.Endpoint = value; }

        /// <inheritdoc />
        [Parameter(ParameterSetName = IdSet, ValueFromPipelineByPropertyName = true)]
        [Parameter(ParameterSetName = InputObjectSet)]
        [Alias("domain_id")]
        public override string? DomainId { get => base.DomainId; set => base.DomainId = value; }

        /// <inheritdoc />
        [Parameter(ParameterSetName = IdSet, ValueFromPipelineByPropertyName = true)]
        [Parameter(ParameterSetName = InputObjectSet)]
        [Alias("instance_id")]
        public override string? InstanceId { get => base.InstanceId; set => base.InstanceId = value; }

        /// <inheritdoc />
        [Parameter(ParameterSetName = IdSet, ValueFromPipelineByPropertyName = true)]
        [Parameter(ParameterSetName = InputObjectSet)]
        [Alias("graph_id")]
        public override string? GraphId { get => base.GraphId; set => base.GraphId = value; }

        /// <inheritdoc />
        [Parameter(ParameterSetName = IdSet, ValueFromPipelineByPropertyName = true)]
        [Parameter(ParameterSetName = InputObjectSet)]
        [Alias("engine_id")]
        public override string? EngineId { get => base.EngineId; set => base.EngineId = value; }

        /// <inheritdoc />
        [Parameter(ParameterSetName = IdSet, ValueFromPipelineByPropertyName = true)]
        [Parameter(ParameterSetName = InputObjectSet)]
        [Alias("environment_id")]
        public override string? EnvironmentId { get => base.EnvironmentId; set => base.EnvironmentId = value; }

        /// <inheritdoc />
        [Parameter(ParameterSetName = IdSet, ValueFromPipelineByPropertyName = true)]
        [Parameter(ParameterSetName = InputObjectSet)]
        [Alias("cluster_id")]
        public override string? ClusterId { get => base.ClusterId; set => base.ClusterId = value; }

        /// <summary>Seconds for the whole wait; -1 waits for ever.</summary>
        [Parameter]
        [Alias("TimeoutSec")]
        [ValidateRange(-1, int.MaxValue)]
        public int Timeout { get; set; } = -1;

        [Parameter]
        [ValidateRange(0.1, 86400.0)]
        public double PollIntervalSec { get; set; } = 5;

        /// <summary>Seconds one HTTP request may take; 0 for no limit.</summary>
        [Parameter]
        [ValidateRange(0, 86400)]
        public int RequestTimeoutSec { get; set; } = 30;

        [Parameter]
        public SwitchParameter Any { get; set; }

        protected override TimeSpan? RequestTimeout => RequestTimeoutSec == 0 ? null : TimeSpan.FromSeconds(RequestTimeoutSec);

        protected override string RequestTimeoutParameter => "-RequestTimeoutSec";

        private protected override bool Patient => true;

        private protected override TimeSpan? PollInterval => TimeSpan.FromSeconds(PollIntervalSec);

        private WaitSession Session => _session ??= new WaitSession(
            Scheduler,
            TimeSpan.FromSeconds(PollIntervalSec),
            Timeout >= 0 ? TimeSpan.FromSeconds(Timeout) : null,
            Any,
            ShowsNotes,
            Mailbox.Signal);

        protected override void BeginProcessing() => _ = Session;

        protected override void ProcessRecord()
        {
            if (ParameterSetName == InputObjectSet)
            {
                foreach (CloudJob? job in InputObject)
                {
                    if (job != null)
                    {
                        // A job object knows which service it came from.
                        Track(job.Id, job, job.Service, ProjectId ?? job.ProjectId, Endpoint ?? job.Endpoint, DomainId ?? job.DomainId, new OwnerIds(InstanceId ?? job.InstanceId, GraphId ?? job.GraphId, EngineId ?? job.EngineId, EnvironmentId ?? job.EnvironmentId, ClusterId ?? job.ClusterId));
                    }
                }
            }
            else
            {
                foreach (string? id in JobId)
                {
                    Track(id ?? string.Empty, null, Service, ProjectId, Endpoint, DomainId, new OwnerIds(InstanceId, GraphId, EngineId, EnvironmentId, ClusterId));
                }
            }

            Pump(block: false);
        }

        protected override void EndProcessing()
        {
            Pump(block: true);
            if (_progressShown)
            {
                WriteProgress(new ProgressRecord(ProgressActivityId, ProgressActivity, "Done") { RecordType = ProgressRecordType.Completed });
            }
        }

        protected override void DisposeResources() => _session?.Dispose();

        private void Track(string jobId, CloudJob? known, string? serviceName, string? projectId, Uri? endpoint, string? domainId, OwnerIds owners)
        {
            if (Session.AnySatisfied)
            {
                return;
            }

            if (FindService(serviceName, jobId, out CloudJobFailure? unknown) is not CloudJobService service)
            {
                // This job alone cannot be waited for; the others go on.
                Session.Refuse(unknown!, jobId);
                return;
            }

            if (ClientFor(service, jobId, projectId, Region, endpoint, domainId, owners.For(service), out CloudJobFailure? refused) is not CloudJobClient client)
            {
                Session.Refuse(refused!, jobId);
                return;
            }

            Session.Track(jobId, known, client);
        }

        private void Pump(bool block)
        {
            while (true)
            {
                FlushMailbox();
                WriteOutputs();
                FlushMailbox();
                ShowProgress(force: false);

                // Before the last input has arrived, "all settled" is not the end: more jobs may come.
                if (!block || Session.Done)
                {
                    return;
                }

                TimeSpan sleep = Tick;
                if (Session.TimeLeft is TimeSpan left)
                {
                    if (left <= TimeSpan.Zero)
                    {
                        Session.TimeOut();
                        ShowProgress(force: true);
                        WriteOutputs();
                        return;
                    }

                    sleep = left < sleep ? left : sleep;
                }

                WaitForWork(sleep);
            }
        }

        private void WriteOutputs()
        {
            while (Session.TryTake(out WaitOutput output))
            {
                switch (output.Kind)
                {
                    case WaitOutputKind.Job:
                        RecentJobIdStore.Record(output.Job!);
                        WriteObject(output.Job);
                        break;
                    case WaitOutputKind.Error when output.Failure != null:
                        WriteFailure(output.Failure, output.Target, output.Terminating);
                        break;
                    case WaitOutputKind.Error:
                        WriteError(output.Category == WaitErrorCategory.OperationTimeout
                            ? CloudJobErrorRecords.Custom(output.Text!, "CloudJobWaitTimeout", ErrorCategory.OperationTimeout, output.Target)
                            : CloudJobErrorRecords.Custom(output.Text!, "CloudJobFailed", ErrorCategory.InvalidResult, output.Target));
                        break;
                    case WaitOutputKind.Warning:
                        WriteWarning(output.Text);
                        break;
                    case WaitOutputKind.Note:
                        this.WriteNote(output.Text!);
                        break;
                }

                if (output.Kind != WaitOutputKind.Note)
                {
                    ShowProgress(force: true);
                }
            }
        }

        private void ShowProgress(bool force)
        {
            if (Session.TryProgress(force, out string description, out int percent))
            {
                _progressShown = true;
                WriteProgress(new ProgressRecord(ProgressActivityId, ProgressActivity, description) { PercentComplete = percent });
            }
        }
    }
}
