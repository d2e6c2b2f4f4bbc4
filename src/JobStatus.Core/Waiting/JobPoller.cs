using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;
using JobStatus.Client;

namespace JobStatus.Waiting
{
    /// <summary>
    /// Polls every added job on its own schedule until it finishes or cannot be read (the client has
    /// already retried a failed read, so a failure that remains is that job's answer): each job is read
    /// at once, then no sooner than one interval after its previous request was sent. All jobs poll
    /// concurrently (the client limits requests in flight). Every read becomes a <see cref="WaitEvent"/>
    /// queued for the consumer, who is woken through the signal callback.
    /// </summary>
    public sealed class JobPoller : IDisposable
    {
        private readonly TimeSpan _interval;
        private readonly Action _signal;
        private readonly CancellationTokenSource _stop;
        private readonly ConcurrentQueue<WaitEvent> _events = new ConcurrentQueue<WaitEvent>();

        public JobPoller(TimeSpan interval, Action signal, CancellationToken cancellationToken)
        {
            _interval = interval;
            _signal = signal;
            _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        }

        public void Add(WaitedJob job)
        {
            _ = Task.Run(() => PollAsync(job));
        }

        public bool TryTake(out WaitEvent waitEvent) => _events.TryDequeue(out waitEvent!);

        /// <summary>Stops every poll (after -Any, a timeout or a failure that ends the wait).</summary>
        public void StopAll() => _stop.Cancel();

        public void Dispose()
        {
            _stop.Cancel();
            _stop.Dispose();
        }

        private async Task PollAsync(WaitedJob job)
        {
            CancellationToken token = _stop.Token;
            try
            {
                while (true)
                {
                    CloudJobResult result = await job.Client.GetJobAsync(job.JobId, token).ConfigureAwait(false);
                    bool last = result.Job == null || result.Job.IsFinished;
                    _events.Enqueue(new WaitEvent(job, result));
                    _signal();
                    if (last)
                    {
                        return;
                    }

                    // The interval counts from when the last request left, after retries and
                    // throttling waits, so a job is never read twice within one interval.
                    TimeSpan wait = _interval - (DateTime.UtcNow - (result.SentAt ?? DateTime.UtcNow));
                    if (wait > TimeSpan.Zero)
                    {
                        await Task.Delay(wait, token).ConfigureAwait(false);
                    }
                }
            }
            catch (OperationCanceledException)
            {
                // Stopped: -Any, a timeout, Ctrl+C or the end of the command.
            }
            catch (ObjectDisposedException)
            {
                // Stopped while the command was being disposed.
            }
            catch (Exception e)
            {
                // A bug must end this job's wait loudly, never leave the wait hanging.
                _events.Enqueue(new WaitEvent(job, CloudJobResult.Fail(new CloudJobFailure(
                    CloudJobFailureKind.Unexpected,
                    job.JobId,
                    $"Waiting for job '{job.JobId}' failed unexpectedly: {e.GetType().Name}: {e.Message}",
                    exception: e))));
                _signal();
            }
        }
    }
}
