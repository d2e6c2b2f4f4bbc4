using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using JobStatus.Client;
using JobStatus.Completion;
using JobStatus.Scheduling;
using JobStatus.Services;
using JobStatus.Session;

namespace JobStatus.Commands
{
    /// <summary>
    /// Get-CloudJob: reads jobs concurrently and writes them in input order as soon as each one (and
    /// every one before it) has answered. A one-shot read: each id has -MaximumRetryCount retries.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "CloudJob")]
    [OutputType(typeof(CloudJob))]
    public sealed class GetCloudJobCommand : CloudJobCommandBase
    {
        private OrderedReads? _reads;
        private int _readsSent;
        private CloudJobClient? _onlyClient;
        private bool _severalClients;

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

        protected override string RequestTimeoutParameter => "-TimeoutSec";

        /// <summary>Ids started but not yet written: 4 x -ThrottleLimit, stretched while the oldest is stalled.</summary>
        private int Window => 4 * ThrottleLimit;

        private OrderedReads Reads => _reads ??= new OrderedReads(Scheduler.Time, Mailbox.Signal);

        protected override void ProcessRecord()
        {
            CloudJobClient? client = null;
            CloudJobFailure? refused = null;
            bool resolved = false;
            foreach (string? id in JobId)
            {
                string jobId = id ?? string.Empty;
                Task<CloudJobResult> read;
                if (FindService(Service, jobId, out CloudJobFailure? unknown) is CloudJobService service)
                {
                    if (!resolved)
                    {
                        client = ClientForCurrentRecord(service, jobId, out refused);
                        resolved = true;
                    }

                    if (client != null)
                    {
                        _severalClients |= _onlyClient != null && _onlyClient != client;
                        _onlyClient = client;
                        read = client.GetJobAsync(jobId, Cancellation);
                        _readsSent++;
                    }
                    else
                    {
                        // This record lacks what its service needs (an instance or domain id): its ids fail alone.
                        _severalClients = true;
                        read = Task.FromResult(CloudJobResult.Fail(refused!.ForJob(jobId)));
                    }
                }
                else
                {
                    // Answered in its place among the others, like any read that failed.
                    read = Task.FromResult(CloudJobResult.Fail(unknown!));
                }

                WriteReady(keepAtMost: Window - 1, stretch: true);
                Reads.Add(read);
            }

            WriteReady(keepAtMost: int.MaxValue, stretch: false);
        }

        protected override void EndProcessing() => WriteReady(keepAtMost: 0, stretch: false);

        /// <summary>Writes every answer that is ready in input order, then waits until at most
        /// <paramref name="keepAtMost"/> ids are left unwritten (see <see cref="OrderedReads"/>). Pipeline thread only.</summary>
        private void WriteReady(int keepAtMost, bool stretch)
        {
            while (true)
            {
                FlushMailbox();
                while (Reads.TryTakeReady(out Task<CloudJobResult> ready))
                {
                    Write(ready);
                }

                if (Reads.WaitNeeded(keepAtMost, stretch) is not TimeSpan wait)
                {
                    FlushMailbox();
                    return;
                }

                if (wait != TimeSpan.Zero)
                {
                    WaitForWork(wait);
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
                // A refusal every id of the command would meet ends it; with several services or
                // projects it is that id's error and the others go on.
                CloudJobFailure failure = result.Failure!;
                WriteFailure(failure, result.JobId, terminating: failure.AffectsEveryJob && !_severalClients);
            }
        }
    }
}
