using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using JobStatus.Client;

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
        private readonly Queue<Task<CloudJobResult>> _pending = new Queue<Task<CloudJobResult>>();

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id", "job_id")]
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

        protected override void ProcessRecord()
        {
            CloudJobClient? client = null;
            foreach (string? id in JobId)
            {
                client ??= ClientForCurrentRecord();
                WriteReady(keepAtMost: Window - 1);
                Task<CloudJobResult> task = client.GetJobAsync(id ?? string.Empty, Cancellation);
                task.ContinueWith(_ => Mailbox.Signal(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
                _pending.Enqueue(task);
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
                while (_pending.Count > 0 && _pending.Peek().IsCompleted)
                {
                    Write(_pending.Dequeue());
                }

                if (_pending.Count <= keepAtMost)
                {
                    FlushMailbox();
                    return;
                }

                WaitForWork(Timeout.InfiniteTimeSpan);
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
                WriteObject(result.Job);
            }
            else
            {
                WriteFailure(result.Failure!, result.JobId);
            }
        }
    }
}
