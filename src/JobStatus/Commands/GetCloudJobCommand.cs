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
        private readonly Queue<Task<CloudJobResult>> _pending = new Queue<Task<CloudJobResult>>();

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

        protected override void ProcessRecord()
        {
            CloudJobClient? client = null;
            foreach (string? id in JobId)
            {
                client ??= ClientForCurrentRecord();
                Task<CloudJobResult> task = client.GetJobAsync(id ?? string.Empty, Cancellation);
                task.ContinueWith(_ => Mailbox.Signal(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
                _pending.Enqueue(task);
            }

            WriteReady(waitForAll: false);
        }

        protected override void EndProcessing() => WriteReady(waitForAll: true);

        private void WriteReady(bool waitForAll)
        {
            while (true)
            {
                FlushMailbox();
                while (_pending.Count > 0 && _pending.Peek().IsCompleted)
                {
                    Write(_pending.Dequeue());
                }

                if (!waitForAll || _pending.Count == 0)
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
                RecentJobIdStore.Record(result.Job);
                WriteObject(result.Job);
            }
            else
            {
                WriteFailure(result.Failure!, result.JobId);
            }
        }
    }
}
