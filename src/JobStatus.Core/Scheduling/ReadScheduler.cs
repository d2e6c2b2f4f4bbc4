using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using JobStatus.Client;
using JobStatus.Connection;
using JobStatus.Services;

namespace JobStatus.Scheduling
{
    /// <summary>
    /// Schedules every request of one command. Due reads wait in their lane's priority queue (one lane
    /// per service and host, with its own pacing, budget, pauses and health) on the monotonic clock of
    /// a <see cref="TimeProvider"/>; one dispatcher sends the next due read of whichever lane may send,
    /// and a request holds one of the command's -ThrottleLimit slots only while it is being sent. A
    /// throttled, paced, paused or failing lane never delays another lane's reads.
    /// <para>One timer (not one per job) wakes the dispatcher when the next read falls due; an answer
    /// starts the next due read on the thread it arrived on. Every schedule, pause, budget and backoff
    /// reads the TimeProvider, so tests run days of waiting on a fake clock.</para>
    /// </summary>
    internal sealed class ReadScheduler : IDisposable
    {
        [ThreadStatic]
        private static ReadScheduler? _pumping;

        private readonly SchedulerOptions _options;
        private readonly object _lock = new object();
        private readonly Dictionary<string, Lane> _laneByKey = new Dictionary<string, Lane>(StringComparer.Ordinal);

        /// <summary>Each client's lane, so a read does not build the lane key again (a batch adds thousands through one client).</summary>
        private readonly Dictionary<CloudJobClient, Lane> _laneByClient = new Dictionary<CloudJobClient, Lane>(ReferenceEqualityComparer.Instance);
        private readonly List<Lane> _lanes = new List<Lane>();
        private readonly CancellationTokenSource _stop = new CancellationTokenSource();
        private readonly ITimer _timer;
        private readonly long _origin;
        private readonly Func<TimeSpan> _clock;
        private readonly RequestBudget? _commandBudget;
        private TimeSpan _timerAt = TimeSpan.MaxValue;
        private long _order;
        private int _inFlight;
        private bool _pumpAgain;
        private bool _stopped;

        public ReadScheduler(SchedulerOptions options, TimeProvider? time = null)
        {
            _options = options ?? throw new ArgumentNullException(nameof(options));
            Time = time ?? TimeProvider.System;
            _origin = Time.GetTimestamp();
            _clock = () => Time.GetElapsedTime(_origin);
            if (options.MaximumRequestRate is double rate && rate > 0)
            {
                _commandBudget = new RequestBudget(rate, "-MaximumRequestRate", _clock);
            }

            _timer = Time.CreateTimer(static state => ((ReadScheduler)state!).OnTimer(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }

        public TimeProvider Time { get; }

        public SchedulerOptions Options => _options;

        /// <summary>How long since the scheduler was made, on its monotonic clock.</summary>
        public TimeSpan Now => _clock();

        /// <summary>Called, from any thread and outside the lock, when a lane starts failing or answers again.</summary>
        public Action<LaneNotice>? LaneChanged { get; set; }

        /// <summary>Requests in flight now.</summary>
        public int InFlight => Volatile.Read(ref _inFlight);

        /// <summary>The budget that holds back reads that are due, described, while one does (within the last second); else null.</summary>
        public string? PacedBy
        {
            get
            {
                lock (_lock)
                {
                    TimeSpan now = Now;
                    foreach (Lane lane in _lanes)
                    {
                        if (lane.PacedAt is TimeSpan at && now - at < TimeSpan.FromSeconds(1))
                        {
                            return lane.DescribeBudget();
                        }
                    }
                }

                return null;
            }
        }

        /// <summary>The lanes failing now, with what each last said.</summary>
        public IReadOnlyList<LaneHealth> Failing
        {
            get
            {
                var failing = new List<LaneHealth>();
                lock (_lock)
                {
                    foreach (Lane lane in _lanes)
                    {
                        if (lane.Health is LaneHealth health)
                        {
                            failing.Add(health);
                        }
                    }
                }

                return failing;
            }
        }

        /// <summary>Reads a job once, with up to <see cref="SchedulerOptions.MaximumRetryCount"/> retries of a transient failure.</summary>
        public Task<CloudJobResult> ReadAsync(CloudJobClient client, string jobId, CancellationToken cancellationToken)
        {
            var read = new OneShotRead(client, jobId, cancellationToken);
            Add(read);
            return read.Task;
        }

        /// <summary>Schedules a read, due now.</summary>
        public void Add(ScheduledRead read)
        {
            CloudJobFailure? refused;
            lock (_lock)
            {
                if (_stopped)
                {
                    refused = null;
                }
                else
                {
                    Lane lane = LaneFor(read.Client);
                    refused = lane.RefusalFor(read);
                    if (refused == null)
                    {
                        read.Order = ++_order;
                        read.Due = read.NormalDue = Now;
                        lane.Enqueue(read);
                    }
                }
            }

            if (refused != null || _stopped)
            {
                Close(read, refused?.ForJob(read.JobId));
                return;
            }

            Pump();
        }

        /// <summary>The lane of a client's requests: its service at its host.</summary>
        public Lane LaneFor(CloudJobClient client)
        {
            lock (_lock)
            {
                if (_laneByClient.TryGetValue(client, out Lane? known))
                {
                    return known;
                }

                CloudJobService service = client.Connection.Service;
                Uri endpoint = client.Connection.Endpoint;
                string key = service.Name + "\n" + endpoint.GetLeftPart(UriPartial.Authority);
                if (!_laneByKey.TryGetValue(key, out Lane? lane))
                {
                    RequestBudget? own = _options.MaximumRequestRate == null && service.RequestBudget is DocumentedBudget documented
                        ? new RequestBudget(documented.PerSecond, documented.Source, _clock)
                        : null;
                    lane = new Lane(service.Name, endpoint.Authority, own, _commandBudget, _options);
                    _laneByKey.Add(key, lane);
                    _lanes.Add(lane);
                }

                _laneByClient.Add(client, lane);
                return lane;
            }
        }

        /// <summary>Stops every read: queued ones end (a one-shot read as cancelled), answers still on their way are dropped.</summary>
        public void Stop()
        {
            var closed = new List<ScheduledRead>();
            lock (_lock)
            {
                if (_stopped)
                {
                    return;
                }

                _stopped = true;
                foreach (Lane lane in _lanes)
                {
                    closed.AddRange(lane.RemoveWhere(_ => true));
                }
            }

            _stop.Cancel();
            foreach (ScheduledRead read in closed)
            {
                Close(read, null);
            }
        }

        public void Dispose()
        {
            Stop();
            _timer.Dispose();
        }

        private void OnTimer()
        {
            lock (_lock)
            {
                _timerAt = TimeSpan.MaxValue;
            }

            Pump();
        }

        /// <summary>
        /// Starts every read that may leave now while a slot is free, then sets the timer for the
        /// next. Re-entered from a read that ends at once (on the same thread), it only asks the outer
        /// call to look again, so a chain of such reads never deepens the stack.
        /// </summary>
        private void Pump()
        {
            if (_pumping == this)
            {
                lock (_lock)
                {
                    _pumpAgain = true;
                }

                return;
            }

            ReadScheduler? outer = _pumping;
            _pumping = this;
            try
            {
                while (true)
                {
                    (ScheduledRead Read, Lane Lane, TimeSpan SentAt)? next = Next();
                    if (next is (ScheduledRead read, Lane lane, TimeSpan sentAt))
                    {
                        _ = SendAsync(read, lane, sentAt);
                        continue;
                    }

                    lock (_lock)
                    {
                        if (!_pumpAgain)
                        {
                            return;
                        }

                        _pumpAgain = false;
                    }
                }
            }
            finally
            {
                _pumping = outer;
            }
        }

        /// <summary>The read to send now, its slot taken; null when none may leave (the timer set for the next).</summary>
        private (ScheduledRead, Lane, TimeSpan)? Next()
        {
            lock (_lock)
            {
                if (_stopped || _inFlight >= Math.Max(1, _options.ThrottleLimit))
                {
                    return null;
                }

                TimeSpan now = Now;
                Lane? best = null;
                (TimeSpan Due, long Order) bestHead = (TimeSpan.MaxValue, long.MaxValue);
                TimeSpan wake = TimeSpan.MaxValue;
                foreach (Lane lane in _lanes)
                {
                    if (lane.Next(now, _options.ProbeFailingLanes) is not (TimeSpan sendAt, (TimeSpan, long) head))
                    {
                        continue;
                    }

                    if (sendAt <= now)
                    {
                        // Between lanes that may send, the read due longest goes first; among those
                        // due at once, the one given first.
                        if (head.CompareTo(bestHead) < 0)
                        {
                            best = lane;
                            bestHead = head;
                        }
                    }
                    else if (sendAt < wake)
                    {
                        wake = sendAt;
                    }
                }

                if (best?.Take(now, Time) is ScheduledRead read)
                {
                    _inFlight++;
                    read.LastSent = now;
                    return (read, best, now);
                }

                Arm(wake, now);
                return null;
            }
        }

        private void Arm(TimeSpan at, TimeSpan now)
        {
            if (at == TimeSpan.MaxValue || at >= _timerAt)
            {
                return;
            }

            _timerAt = at;
            TimeSpan due = at - now;
            _timer.Change(due > TimeSpan.FromMilliseconds(1) ? due : TimeSpan.FromMilliseconds(1), Timeout.InfiniteTimeSpan);
        }

        private async Task SendAsync(ScheduledRead read, Lane lane, TimeSpan sentAt)
        {
            ReadAttempt attempt;
            try
            {
                attempt = await read.Client.SendAsync(read.JobId, _stop.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException || e is ObjectDisposedException)
            {
                lock (_lock)
                {
                    _inFlight--;
                    lane.InFlight--;
                }

                Close(read, null);
                return;
            }
            catch (Exception e)
            {
                // A bug must end this job's read loudly, never leave it waited for forever.
                attempt = new ReadAttempt(CloudJobResult.Fail(Unexpected(read, e)), sent: false);
            }

            Completed(read, lane, attempt, sentAt);
        }

        private void Completed(ScheduledRead read, Lane lane, ReadAttempt attempt, TimeSpan sentAt)
        {
            LaneChange change;
            LaneNotice notice = default;
            TimeSpan now;
            List<ScheduledRead>? refused = null;
            lock (_lock)
            {
                _inFlight--;
                lane.InFlight--;
                now = Now;
                change = lane.Observe(read, attempt, sentAt, now, _options);
                if (attempt.Throttled)
                {
                    Learn(lane, attempt.Result.Failure!);
                }

                if (change == LaneChange.Recovered)
                {
                    lane.Resume(now);
                    (TimeSpan since, int failedReads) = lane.TakeOutage();
                    notice = new LaneNotice(lane, change, null, now - since, failedReads);
                }
                else if (change == LaneChange.StartedFailing)
                {
                    notice = new LaneNotice(lane, change, attempt.Result.Failure, now - lane.Health!.Since, lane.FailureStreak);
                }

                if (attempt.Result.Failure is { Kind: CloudJobFailureKind.AuthenticationFailed or CloudJobFailureKind.PermissionDenied })
                {
                    refused = lane.RemoveWhere(r => lane.RefusalFor(r) != null);
                }
            }

            if (change != LaneChange.None)
            {
                LaneChanged?.Invoke(notice);
            }

            ReadNext next;
            try
            {
                next = _stopped ? ReadNext.Done() : read.Answer(attempt, new ReadContext(now, sentAt, _options, lane, Time));
            }
            catch (Exception e)
            {
                next = ReadNext.Done();
                Close(read, Unexpected(read, e));
            }

            bool closeNow = false;
            lock (_lock)
            {
                if (next.Took is TimeSpan took)
                {
                    lane.Estimate.Add(took);
                }

                if (next.Due is TimeSpan due && !read.IsClosed)
                {
                    if (_stopped)
                    {
                        closeNow = true;
                    }
                    else
                    {
                        read.Due = due;
                        read.NormalDue = next.NormalDue ?? due;
                        lane.Enqueue(read);
                    }
                }
            }

            if (closeNow)
            {
                Close(read, null);
            }

            if (refused != null)
            {
                foreach (ScheduledRead other in refused)
                {
                    Close(other, attempt.Result.Failure!.ForJob(other.JobId));
                }
            }

            // A slot is free again, whatever the outcome: the next due read may take it.
            Pump();
        }

        /// <summary>A 429 that states the gateway's policy sets the lane's budget for the rest of the command.
        /// Read from what the service said (its code and message), never from our own sentence around it.</summary>
        private void Learn(Lane lane, CloudJobFailure failure)
        {
            string said = (failure.ServiceErrorCode + " " + failure.ServiceErrorMessage).Trim();
            if (!ThrottlePolicy.TryRead(said, out double perSecond, out string policy))
            {
                return;
            }

            if (lane.Learn(perSecond, $"learned from a 429: {policy}", _clock))
            {
                _options.Note?.Invoke($"{lane.Name} answered 429 with its policy ({policy}): its requests are paced at {RequestBudget.Rate(perSecond)} for the rest of the command.");
            }
        }

        private void Close(ScheduledRead read, CloudJobFailure? failure)
        {
            if (read.IsClosed)
            {
                return;
            }

            read.IsClosed = true;
            try
            {
                read.End(failure);
            }
            catch (Exception)
            {
                // End only completes a task or queues an event; it has nothing left to report to.
            }
        }

        private static CloudJobFailure Unexpected(ScheduledRead read, Exception e) =>
            new CloudJobFailure(
                CloudJobFailureKind.Unexpected,
                read.JobId,
                $"Reading job '{read.JobId}' failed unexpectedly: {e.GetType().Name}: {e.Message}",
                exception: e);
    }
}
