using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Management.Automation;
using JobStatus.Pipeline;
using JobStatus.Client;
using JobStatus.Completion;
using JobStatus.Errors;
using JobStatus.Services;
using JobStatus.Session;
using JobStatus.Waiting;

namespace JobStatus.Commands
{
    /// <summary>
    /// Wait-CloudJob: polls many jobs concurrently and writes each one as soon as it finishes. A job
    /// that ends Failed is written and reported as an error; jobs still running at -Timeout get an
    /// OperationTimeout error each, so a wait never ends silently.
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

        private static readonly TimeSpan ProgressRefresh = TimeSpan.FromSeconds(1);
        private static readonly TimeSpan ProgressFloor = TimeSpan.FromMilliseconds(250);

        private readonly Dictionary<string, WaitedJob> _jobs = new Dictionary<string, WaitedJob>(StringComparer.Ordinal);
        private readonly Dictionary<CloudJobStatus, int> _finalCounts = new Dictionary<CloudJobStatus, int>();
        private readonly Stopwatch _waited = new Stopwatch();
        private JobPoller? _poller;
        private int _total;
        private int _settled;
        private bool _anySatisfied;
        private bool _progressShown;
        private string? _pacedBy;
        private TimeSpan? _lastProgress;

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

        private bool Done => _anySatisfied || _settled == _total;

        protected override void BeginProcessing()
        {
            _waited.Start();
            _poller = new JobPoller(TimeSpan.FromSeconds(PollIntervalSec), ThrottleLimit, Mailbox.Signal, Cancellation);
        }

        protected override void ProcessRecord()
        {
            if (ParameterSetName == InputObjectSet)
            {
                foreach (CloudJob? job in InputObject)
                {
                    if (job != null)
                    {
                        // A job object knows which service it came from.
                        Track(job.Id, job, job.Service, ProjectId ?? job.ProjectId, Endpoint ?? job.Endpoint);
                    }
                }
            }
            else
            {
                foreach (string? id in JobId)
                {
                    Track(id ?? string.Empty, null, Service, ProjectId, Endpoint);
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

        protected override void DisposeResources() => _poller?.Dispose();

        private void Track(string jobId, CloudJob? known, string? serviceName, string? projectId, Uri? endpoint)
        {
            if (_anySatisfied)
            {
                return;
            }

            if (FindService(serviceName, jobId, out CloudJobFailure? unknown) is not CloudJobService service)
            {
                // This job alone cannot be waited for; the others go on.
                _total++;
                _settled++;
                WriteFailure(unknown!, jobId);
                return;
            }

            CloudJobClient client = ClientFor(service, projectId, Region, endpoint);
            string key = $"{service.Name}\n{client.Connection.Endpoint}\n{client.Connection.ProjectId}\n{jobId}";
            if (_jobs.ContainsKey(key))
            {
                this.WriteNote($"Job '{jobId}' is listed more than once; it is waited for once.");
                return;
            }

            var waited = new WaitedJob(jobId, client, known);
            _jobs.Add(key, waited);
            _total++;
            if (known != null && known.IsFinished)
            {
                Finish(waited, known);
                return;
            }

            _poller!.Add(waited);
        }

        private void Pump(bool block)
        {
            while (true)
            {
                FlushMailbox();
                while (!_anySatisfied && _poller!.TryTake(out WaitEvent waitEvent))
                {
                    Handle(waitEvent);
                }

                FlushMailbox();
                NotePacing();
                ShowProgress(force: false);

                // Before the last input has arrived, "all settled" is not the end: more jobs may come.
                if (!block || Done)
                {
                    return;
                }

                TimeSpan sleep = ProgressRefresh;
                if (Timeout >= 0)
                {
                    TimeSpan left = TimeSpan.FromSeconds(Timeout) - _waited.Elapsed;
                    if (left <= TimeSpan.Zero)
                    {
                        TimedOut();
                        return;
                    }

                    sleep = left < sleep ? left : sleep;
                }

                WaitForWork(sleep);
            }
        }

        private void Handle(WaitEvent waitEvent)
        {
            WaitedJob job = waitEvent.Job;
            if (waitEvent.Result.Failure is CloudJobFailure failure)
            {
                Settle(job);
                WriteFailure(failure, (object?)job.LastKnown ?? job.JobId);
                return;
            }

            CloudJob latest = waitEvent.Result.Job!;
            CloudJob? previous = waitEvent.Previous;
            bool changed = previous == null || previous.RawStatus != latest.RawStatus;
            if (changed && ShowsNotes)
            {
                this.WriteNote(previous == null
                    ? $"Job '{job.JobId}': {latest.RawStatus}."
                    : $"Job '{job.JobId}': {previous.RawStatus} -> {latest.RawStatus}.");
            }

            foreach (SubJobChange sub in SubJobChange.Between(previous, latest))
            {
                if (ShowsNotes)
                {
                    this.WriteNote(sub.PreviousStatus == null
                        ? $"Job '{job.JobId}', sub-job '{sub.SubJob.Id}': {sub.SubJob.RawStatus}."
                        : $"Job '{job.JobId}', sub-job '{sub.SubJob.Id}': {sub.PreviousStatus} -> {sub.SubJob.RawStatus}.");
                }

                if (sub.JustFailed && !latest.IsFinished)
                {
                    // The parent may run on for a long time; whoever watches should know now.
                    WriteWarning($"Job '{job.JobId}' is still {latest.RawStatus}, but its sub-job {SubJobChange.Describe(sub.SubJob)}.");
                }
            }

            if (latest.IsFinished)
            {
                Finish(job, latest);
            }

            if (changed)
            {
                ShowProgress(force: true);
            }
        }

        /// <summary>Says when a request budget, not -PollIntervalSec, starts or stops setting the pace.</summary>
        private void NotePacing()
        {
            string? paced = _poller!.PacedBy;
            if (string.Equals(paced, _pacedBy, StringComparison.Ordinal))
            {
                return;
            }

            this.WriteNote(paced != null
                ? $"The request budget sets the pace, not -PollIntervalSec: {paced}. Jobs are read one per turn, those never read first, then those most likely to have finished."
                : "The request budget no longer holds jobs back; -PollIntervalSec sets the pace.");
            _pacedBy = paced;
            ShowProgress(force: true);
        }

        private void Finish(WaitedJob job, CloudJob final)
        {
            Settle(job);
            _finalCounts[final.Status] = _finalCounts.TryGetValue(final.Status, out int n) ? n + 1 : 1;
            if (Any)
            {
                _anySatisfied = true;
                _poller!.StopAll();
            }

            RecentJobIdStore.Record(final);
            WriteObject(final);
            string failedSubJobs = FailedSubJobsText(final);
            if (final.Status == CloudJobStatus.Failed)
            {
                string said = final.ErrorCode != null || final.ErrorMessage != null
                    ? $" The service says: {string.Join(": ", NotNull(final.ErrorCode, final.ErrorMessage)).TrimEnd('.')}."
                    : failedSubJobs.Length > 0 ? string.Empty : " The service gave no reason; look up the job in the console.";
                WriteError(CloudJobErrorRecords.Custom(
                    $"{final.Service} job '{final.Id}' in project {final.ProjectId} ended {final.RawStatus}.{said}{failedSubJobs}{RequestIdText(final.RequestId)}",
                    "CloudJobFailed",
                    ErrorCategory.InvalidResult,
                    final));
            }
            else if (failedSubJobs.Length > 0)
            {
                WriteWarning($"{final.Service} job '{final.Id}' ended {final.RawStatus}, but not every part of it did.{failedSubJobs}");
            }
        }

        /// <summary>" Failed sub-jobs: 'a' (resource x): code: reason; ...", or empty.</summary>
        private static string FailedSubJobsText(CloudJob job)
        {
            var failed = new List<string>();
            foreach (CloudJob sub in job.SubJobs)
            {
                if (sub.Status == CloudJobStatus.Failed)
                {
                    failed.Add(SubJobChange.Describe(sub));
                }
            }

            return failed.Count == 0 ? string.Empty : $" Failed sub-jobs ({failed.Count} of {job.SubJobs.Count}): {string.Join("; ", failed)}.";
        }

        private void Settle(WaitedJob job)
        {
            if (!job.IsSettled)
            {
                job.IsSettled = true;
                _settled++;
            }
        }

        private void TimedOut()
        {
            _poller!.StopAll();
            ShowProgress(force: true);
            foreach (WaitedJob job in _jobs.Values)
            {
                if (job.IsSettled)
                {
                    continue;
                }

                string last = job.LastKnown == null ? "it had not answered yet" : $"its last status was {job.LastKnown.RawStatus}";
                WriteError(CloudJobErrorRecords.Custom(
                    $"Job '{job.JobId}' did not finish within the timeout of {Timeout} s; {last}. It goes on in the cloud: "
                    + "wait again with a longer -Timeout, or check it with Get-CloudJob.",
                    "CloudJobWaitTimeout",
                    ErrorCategory.OperationTimeout,
                    (object?)job.LastKnown ?? job.JobId));
            }
        }

        private void ShowProgress(bool force)
        {
            TimeSpan now = _waited.Elapsed;
            // A change shows at once, but never more than four records a second: 200 jobs finishing
            // together must not flood a runbook's progress log.
            TimeSpan floor = force ? ProgressFloor : ProgressRefresh;
            if (_total == 0 || (_lastProgress is TimeSpan last && now - last < floor))
            {
                return;
            }

            _lastProgress = now;
            _progressShown = true;
            var running = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (WaitedJob job in _jobs.Values)
            {
                if (!job.IsSettled)
                {
                    string status = job.LastKnown?.RawStatus ?? "Not read yet";
                    running[status] = running.TryGetValue(status, out int n) ? n + 1 : 1;
                }
            }

            var parts = new List<string>();
            foreach (KeyValuePair<CloudJobStatus, int> pair in _finalCounts)
            {
                parts.Add($"{pair.Value} {pair.Key}");
            }

            foreach (KeyValuePair<string, int> pair in running)
            {
                parts.Add($"{pair.Value} {pair.Key}");
            }

            int errors = _settled - Sum(_finalCounts);
            if (errors > 0)
            {
                parts.Add($"{errors} Error");
            }

            string description = string.Format(
                CultureInfo.InvariantCulture,
                "{0} of {1} finished ({2}); waited {3:hh\\:mm\\:ss}{4}",
                _settled,
                _total,
                string.Join(", ", parts),
                now,
                _pacedBy == null ? string.Empty : "; paced by the request budget, " + _pacedBy);
            WriteProgress(new ProgressRecord(ProgressActivityId, ProgressActivity, description)
            {
                PercentComplete = (int)(100L * _settled / _total),
            });
        }

        private static int Sum(Dictionary<CloudJobStatus, int> counts)
        {
            int sum = 0;
            foreach (int n in counts.Values)
            {
                sum += n;
            }

            return sum;
        }

        private static IEnumerable<string> NotNull(params string?[] values)
        {
            foreach (string? value in values)
            {
                if (value != null)
                {
                    yield return value;
                }
            }
        }

        private static string RequestIdText(string? requestId) => requestId == null ? string.Empty : $" (request id {requestId})";
    }
}
