using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using JobStatus.Client;
using JobStatus.Connection;
using JobStatus.Scheduling;

namespace JobStatus.Waiting
{
    /// <summary>
    /// One Wait-CloudJob: which jobs it waits for (each once), what it has to say about each, its
    /// deadline and its progress. Background reads post <see cref="WaitEvent"/>s; the pipeline thread
    /// calls <see cref="Drain"/> and writes the <see cref="WaitOutput"/>s it gets, in order.
    /// Everything but <see cref="Post"/> runs on the pipeline thread.
    /// </summary>
    internal sealed class WaitSession : IDisposable
    {
        private static readonly TimeSpan ProgressRefresh = TimeSpan.FromSeconds(1);
        private static readonly TimeSpan ProgressFloor = TimeSpan.FromMilliseconds(250);

        /// <summary>A service that answers again is said to be back once it has answered this many reads in a
        /// row and <see cref="RecoveryQuiet"/> has passed, or once <see cref="RecoveryQuietLongest"/> has passed
        /// without a failure (a lane with few jobs reads rarely): a service that answers a moment and fails
        /// again (a 429 storm lets some requests through) is one outage, said once when it begins and once
        /// when it is over, not once per flap.</summary>
        internal const int RecoveryAnswers = 5;

        internal static readonly TimeSpan RecoveryQuiet = TimeSpan.FromSeconds(30);

        internal static readonly TimeSpan RecoveryQuietLongest = TimeSpan.FromMinutes(5);

        private readonly ReadScheduler _scheduler;
        private readonly Action _signal;
        private readonly TimeProvider _time;
        private readonly ConcurrentQueue<WaitEvent> _events = new ConcurrentQueue<WaitEvent>();
        private readonly Queue<WaitOutput> _outputs = new Queue<WaitOutput>();
        private readonly Dictionary<string, WaitedJob> _jobs = new Dictionary<string, WaitedJob>(StringComparer.Ordinal);
        private readonly Dictionary<CloudJobStatus, int> _finalCounts = new Dictionary<CloudJobStatus, int>();

        // Each lane's outage, from the warning that said it began until its end has been said.
        private readonly Dictionary<Lane, Outage> _outages = new Dictionary<Lane, Outage>();
        private readonly long _started;
        private TimeSpan? _lastProgress;
        private string? _pacedBy;
        private int _total;
        private int _settled;
        private int _errors;

        /// <param name="timeout">The whole wait's limit; null waits for ever.</param>
        /// <param name="notes">Whether notes (verbose lines) are wanted: unwanted ones are not even built.</param>
        public WaitSession(ReadScheduler scheduler, TimeSpan interval, TimeSpan? timeout, bool any, bool notes, Action signal)
        {
            _scheduler = scheduler;
            _time = scheduler.Time;
            _signal = signal;
            Interval = interval;
            Timeout = timeout;
            Any = any;
            Notes = notes;
            _started = _time.GetTimestamp();
            scheduler.LaneChanged = notice => Post(WaitEvent.ForLane(notice));
        }

        public TimeSpan Interval { get; }

        public TimeSpan? Timeout { get; }

        public bool Any { get; }

        public bool Notes { get; }

        /// <summary>How long the wait has lasted, on the monotonic clock.</summary>
        public TimeSpan Elapsed => _time.GetElapsedTime(_started);

        /// <summary>True once -Any is satisfied: nothing more is read or written.</summary>
        public bool AnySatisfied { get; private set; }

        /// <summary>Every job given so far is settled, or -Any is satisfied.</summary>
        public bool Done => AnySatisfied || _settled == _total;

        public int Total => _total;

        public int Settled => _settled;

        /// <summary>Until the deadline; null without one.</summary>
        public TimeSpan? TimeLeft => Timeout is TimeSpan limit ? limit - Elapsed : null;

        /// <summary>From any thread: a read's news for the pipeline thread.</summary>
        public void Post(WaitEvent waitEvent)
        {
            _events.Enqueue(waitEvent);
            _signal();
        }

        /// <summary>Starts waiting for a job (after a job object, <paramref name="known"/> is what it said);
        /// one already listed is waited for once.</summary>
        public void Track(string jobId, CloudJob? known, CloudJobClient client)
        {
            if (AnySatisfied)
            {
                return;
            }

            CloudJobConnection connection = client.Connection;
            string key = $"{connection.Service.Name}\n{connection.Endpoint}\n{connection.ScopeKey}\n{jobId}";
            if (_jobs.ContainsKey(key))
            {
                Note(() => $"Job '{jobId}' is listed more than once; it is waited for once.");
                return;
            }

            var job = new WaitedJob(this, key, jobId, client, known, _time.GetUtcNow());
            _jobs.Add(key, job);
            _total++;
            if (known != null && known.IsFinished)
            {
                Finish(job, known);
                return;
            }

            _scheduler.Add(job);
        }

        /// <summary>A job that cannot be waited for at all (its -Service names no service): an error of its own.</summary>
        public void Refuse(CloudJobFailure failure, object target)
        {
            _total++;
            _settled++;
            _errors++;
            _outputs.Enqueue(WaitOutput.ReadFailed(failure, target, terminating: false));
        }

        /// <summary>Turns what the reads posted into outputs, and returns the next output; false when there is none.</summary>
        public bool TryTake(out WaitOutput output)
        {
            if (_outputs.Count == 0)
            {
                Drain();
            }

            return _outputs.TryDequeue(out output!);
        }

        /// <summary>Reads every event posted so far into outputs.</summary>
        public void Drain()
        {
            while (!AnySatisfied && _events.TryDequeue(out WaitEvent? waitEvent))
            {
                Handle(waitEvent);
            }

            SayRecoveries(Done);

            string? paced = _scheduler.PacedBy;
            if (!string.Equals(paced, _pacedBy, StringComparison.Ordinal))
            {
                Note(() => paced != null
                    ? $"The request budget sets the pace, not -PollIntervalSec: {paced}. Jobs are read one per turn, those never read first, then those most likely to have finished."
                    : "The request budget no longer holds jobs back; -PollIntervalSec sets the pace.");
                _pacedBy = paced;
            }
        }

        /// <summary>The deadline has passed: stops every read, and gives each unsettled job its timeout error.</summary>
        public void TimeOut()
        {
            _scheduler.Stop();
            long seconds = (long)Math.Round((Timeout ?? TimeSpan.Zero).TotalSeconds);
            foreach (WaitedJob job in _jobs.Values)
            {
                if (job.IsSettled)
                {
                    continue;
                }

                string last = job.LastKnown == null ? "it had not answered yet" : $"its last status was {job.LastKnown.RawStatus}";
                string failed = job.LastFailure is CloudJobFailure failure
                    ? $" Its last read failed: {failure.Message.TrimEnd('.')}."
                    : string.Empty;
                _outputs.Enqueue(WaitOutput.Error(
                    "CloudJobWaitTimeout",
                    WaitErrorCategory.OperationTimeout,
                    $"Job '{job.JobId}' did not finish within the timeout of {seconds} s; {last}.{failed} It goes on in the cloud: "
                    + "wait again with a longer -Timeout, or check it with Get-CloudJob.",
                    (object?)job.LastKnown ?? job.JobId));
                job.IsSettled = true;
                _settled++;
                _errors++;
            }
        }

        /// <summary>
        /// The progress line, when one is due: a change shows at once but never more than four times a
        /// second (200 jobs finishing together must not flood a runbook's log), and the line is
        /// refreshed every second otherwise.
        /// </summary>
        public bool TryProgress(bool force, out string description, out int percent)
        {
            description = string.Empty;
            percent = 0;
            TimeSpan now = Elapsed;
            TimeSpan floor = force ? ProgressFloor : ProgressRefresh;
            if (_total == 0 || (_lastProgress is TimeSpan last && now - last < floor))
            {
                return false;
            }

            _lastProgress = now;
            description = DescribeProgress(now);
            percent = (int)(100L * _settled / _total);
            return true;
        }

        public void Dispose()
        {
            _scheduler.LaneChanged = null;
        }

        /// <summary>"3 of 10 finished (2 Success, 1 Failed, 7 RUNNING); waited 30:00:05; not answering: ECS at ... (service error (HTTP 503)) for 2 min 5 s".</summary>
        internal string DescribeProgress(TimeSpan now)
        {
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

            if (_errors > 0)
            {
                parts.Add($"{_errors} Error");
            }

            var failing = new List<string>();
            foreach (LaneHealth health in _scheduler.Failing)
            {
                failing.Add($"{health.Lane} ({health.LastFailure.ShortReason}) for {Durations.Describe(_scheduler.Now - health.Since)}");
            }

            return string.Format(
                CultureInfo.InvariantCulture,
                "{0} of {1} finished ({2}); waited {3}{4}{5}",
                _settled,
                _total,
                string.Join(", ", parts),
                Durations.Clock(now),
                failing.Count == 0 ? string.Empty : "; not answering: " + string.Join(", ", failing),
                _pacedBy == null ? string.Empty : "; paced by the request budget, " + _pacedBy);
        }

        private void Handle(WaitEvent waitEvent)
        {
            switch (waitEvent.Kind)
            {
                case WaitEventKind.Answer:
                    HandleAnswer(waitEvent.Job!, waitEvent.Result!, waitEvent.Previous);
                    break;
                case WaitEventKind.JobFailing:
                    _outputs.Enqueue(WaitOutput.Warning(
                        $"Reading job '{waitEvent.Job!.JobId}' failed {waitEvent.FailedReads} times in a row while its service answers for other jobs; the wait goes on and reads it again with backoff. "
                        + $"Last: {waitEvent.Failure!.Message}"));
                    break;
                case WaitEventKind.JobRecovered:
                    _outputs.Enqueue(WaitOutput.Warning(
                        $"Job '{waitEvent.Job!.JobId}' is read again after {waitEvent.FailedReads} failed reads."));
                    break;
                case WaitEventKind.LaneFailing:
                    Lane lane = waitEvent.Lane!;
                    if (_outages.TryGetValue(lane, out Outage? going))
                    {
                        // It failed again before its recovery was said: the same outage goes on.
                        going.RecoveredAt = null;
                        Note(() => $"{lane.Name} fails again: {waitEvent.Failure!.Message}");
                        break;
                    }

                    _outages[lane] = new Outage(Elapsed - waitEvent.Outage);
                    _outputs.Enqueue(WaitOutput.Warning(
                        $"{lane.Name} is not answering ({waitEvent.FailedReads} reads failed in a row over {Durations.Describe(waitEvent.Outage)}); "
                        + $"the wait goes on: its {JobsIn(lane)} waiting job(s) are read again, one request at a time with backoff, until they finish or -Timeout passes. "
                        + $"Last: {waitEvent.Failure!.Message}"));
                    break;
                case WaitEventKind.LaneRecovered:
                    if (_outages.TryGetValue(waitEvent.Lane!, out Outage? ending))
                    {
                        ending.FailedReads += waitEvent.FailedReads;
                        ending.RecoveredAt = Elapsed;
                    }

                    break;
            }
        }

        /// <summary>Says each outage's end once its service has kept answering (see <see cref="RecoveryAnswers"/>), or at once when the wait is over.</summary>
        private void SayRecoveries(bool all)
        {
            if (_outages.Count == 0)
            {
                return;
            }

            TimeSpan now = Elapsed;
            List<Lane>? said = null;
            foreach (KeyValuePair<Lane, Outage> entry in _outages)
            {
                Outage outage = entry.Value;
                if (outage.RecoveredAt is TimeSpan recovered
                    && (all || now - recovered >= RecoveryQuietLongest || (now - recovered >= RecoveryQuiet && entry.Key.SuccessStreak >= RecoveryAnswers)))
                {
                    _outputs.Enqueue(WaitOutput.Warning(
                        $"{entry.Key.Name} answers again after {Durations.Describe(recovered - outage.Began)} ({outage.FailedReads} failed reads); its jobs are read as usual."));
                    (said ??= new List<Lane>()).Add(entry.Key);
                }
            }

            if (said != null)
            {
                foreach (Lane lane in said)
                {
                    _outages.Remove(lane);
                }
            }
        }

        /// <summary>A lane's outage as the warnings tell it: when it began, the reads it failed, and when it last recovered.</summary>
        private sealed class Outage
        {
            public Outage(TimeSpan began) => Began = began;

            public TimeSpan Began { get; }

            public int FailedReads { get; set; }

            /// <summary>When it last answered again; null while it fails.</summary>
            public TimeSpan? RecoveredAt { get; set; }
        }

        private void HandleAnswer(WaitedJob job, CloudJobResult result, CloudJob? previous)
        {
            if (job.IsSettled)
            {
                return;
            }

            if (result.Failure is CloudJobFailure failure)
            {
                job.IsSettled = true;
                _settled++;
                _errors++;
                _outputs.Enqueue(WaitOutput.ReadFailed(failure, (object?)job.LastKnown ?? job.JobId, Terminates(job, failure)));
                return;
            }

            CloudJob latest = result.Job!;
            bool changed = previous == null || previous.RawStatus != latest.RawStatus;
            if (changed)
            {
                Note(() => previous == null
                    ? $"Job '{job.JobId}': {latest.RawStatus}."
                    : $"Job '{job.JobId}': {previous.RawStatus} -> {latest.RawStatus}.");
            }

            foreach (SubJobChange sub in SubJobChange.Between(previous, latest))
            {
                Note(() => sub.PreviousStatus == null
                    ? $"Job '{job.JobId}', sub-job '{sub.SubJob.Id}': {sub.SubJob.RawStatus}."
                    : $"Job '{job.JobId}', sub-job '{sub.SubJob.Id}': {sub.PreviousStatus} -> {sub.SubJob.RawStatus}.");
                if (sub.JustFailed && !latest.IsFinished)
                {
                    // The parent may run on for a long time; whoever watches should know now.
                    _outputs.Enqueue(WaitOutput.Warning($"Job '{job.JobId}' is still {latest.RawStatus}, but its sub-job {SubJobChange.Describe(sub.SubJob)}."));
                }
            }

            if (latest.IsFinished)
            {
                Finish(job, latest);
            }
        }

        private void Finish(WaitedJob job, CloudJob final)
        {
            job.IsSettled = true;
            _settled++;
            _finalCounts[final.Status] = _finalCounts.TryGetValue(final.Status, out int n) ? n + 1 : 1;
            _outputs.Enqueue(WaitOutput.Finished(final));
            string failedSubJobs = FailedSubJobsText(final);
            if (final.Status == CloudJobStatus.Failed)
            {
                string said = final.ErrorCode != null || final.ErrorMessage != null
                    ? $" The service says: {string.Join(": ", NotNull(final.ErrorCode, final.ErrorMessage)).TrimEnd('.')}."
                    : failedSubJobs.Length > 0 ? string.Empty : " The service gave no reason; look up the job in the console.";
                _outputs.Enqueue(WaitOutput.Error(
                    "CloudJobFailed",
                    WaitErrorCategory.InvalidResult,
                    $"{final.Service} job '{final.Id}' in project {final.ProjectId} ended {final.RawStatus}.{said}{failedSubJobs}{RequestIdText(final.RequestId)}",
                    final));
            }
            else if (failedSubJobs.Length > 0)
            {
                _outputs.Enqueue(WaitOutput.Warning($"{final.Service} job '{final.Id}' ended {final.RawStatus}, but not every part of it did.{failedSubJobs}"));
            }

            if (Any)
            {
                AnySatisfied = true;
                _scheduler.Stop();
            }
        }

        /// <summary>
        /// A refusal that every job of its scope meets (403: the service and project; 401: the
        /// credential) ends the command only when every job of the command is in that scope; else it
        /// is that scope's jobs' error and the others go on.
        /// </summary>
        private bool Terminates(WaitedJob failed, CloudJobFailure failure)
        {
            if (failure.Kind != CloudJobFailureKind.AuthenticationFailed && failure.Kind != CloudJobFailureKind.PermissionDenied)
            {
                return false;
            }

            foreach (WaitedJob job in _jobs.Values)
            {
                bool same = failure.Kind == CloudJobFailureKind.AuthenticationFailed
                    ? job.Client == failed.Client
                    : _scheduler.LaneFor(job.Client) == _scheduler.LaneFor(failed.Client)
                        && string.Equals(job.Client.Connection.ScopeKey, failed.Client.Connection.ScopeKey, StringComparison.Ordinal);
                if (!same)
                {
                    return false;
                }
            }

            return true;
        }

        private int JobsIn(Lane lane)
        {
            int count = 0;
            foreach (WaitedJob job in _jobs.Values)
            {
                if (!job.IsSettled && _scheduler.LaneFor(job.Client) == lane)
                {
                    count++;
                }
            }

            return count;
        }

        private void Note(Func<string> text)
        {
            if (Notes)
            {
                _outputs.Enqueue(WaitOutput.Note(text()));
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
