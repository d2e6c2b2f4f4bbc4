using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using JobStatus.Client;
using JobStatus.Completion;
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
        /// It is wide enough that one id waiting out its retries does not hold up the rest: 10,000
        /// ids meeting 30% random failures took 21.6 s with a window of 64 and 6.3 s with 1,024,
        /// against 3.7 s unbounded. Unwritten answers take about a kilobyte each.
        /// </summary>
        internal const int MinimumWindow = 4096;

        private int Window => Math.Max(MinimumWindow, 4 * ThrottleLimit);

        protected override void ProcessRecord()
        {
            CloudJobClient? client = null;
            foreach (string? id in JobId)
            {
                client ??= ClientForCurrentRecord();
                WriteReady(keepAtMost: Window - 1);
                _pending.Enqueue(new PendingRead(this, _started++, client.GetJobAsync(id ?? string.Empty, Cancellation)));
            }

            WriteReady(keepAtMost: int.MaxValue);
        }

        protected override void EndProcessing() => WriteReady(keepAtMost: 0);

        /// <summary>Writes every answer that is ready in input order, then waits until at most
        /// <paramref name="keepAtMost"/> ids are left unwritten. Pipeline thread only.</summary>
        private void WriteReady(int keepAtMost)
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

                // Output is in input order, so only the oldest read's end can let us write: the others
                // finish without waking this thread. Checked again after saying so, or its end could
                // slip in between and never be signalled.
                PendingRead oldest = _pending.Peek();
                Interlocked.Exchange(ref _awaited, oldest.Sequence);
                if (!oldest.Task.IsCompleted)
                {
                    WaitForWork(Timeout.InfiniteTimeSpan);
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

            public PendingRead(GetCloudJobCommand owner, long sequence, Task<CloudJobResult> task)
            {
                _owner = owner;
                Sequence = sequence;
                Task = task;
                task.ConfigureAwait(false).GetAwaiter().UnsafeOnCompleted(SignalIfAwaited);
            }

            public long Sequence { get; }

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
