using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using JobStatus.Client;

namespace JobStatus.Scheduling
{
    /// <summary>A read with bounded retries (Get-CloudJob): the answer, or the failure that remains
    /// after -MaximumRetryCount retries, completes <see cref="Task"/>.</summary>
    internal sealed class OneShotRead : ScheduledRead
    {
        private readonly TaskCompletionSource<CloudJobResult> _done = new TaskCompletionSource<CloudJobResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly CancellationTokenRegistration _cancel;
        private TimeSpan? _firstSent;
        private int _attempts;

        public OneShotRead(CloudJobClient client, string jobId, CancellationToken cancellationToken)
            : base(client, jobId)
        {
            if (cancellationToken.CanBeCanceled)
            {
                _cancel = cancellationToken.Register(static state => ((OneShotRead)state!)._done.TrySetCanceled(), this);
            }
        }

        public Task<CloudJobResult> Task => _done.Task;

        internal override ReadNext Answer(ReadAttempt attempt, ReadContext context)
        {
            _attempts++;
            _firstSent ??= context.SentAt;
            CloudJobFailure? failure = attempt.Result.Failure;
            if (failure != null && failure.IsTransient && !_done.Task.IsCompleted)
            {
                if (_attempts <= context.Options.MaximumRetryCount)
                {
                    TimeSpan delay = attempt.RetryAfter ?? context.Options.Backoff(_attempts);
                    if (Client.Logs)
                    {
                        Client.Log(() => string.Format(
                            CultureInfo.InvariantCulture,
                            "Job '{0}': {1}; retry {2} of {3} in {4:0.0} s.",
                            JobId,
                            failure.ShortReason,
                            _attempts,
                            context.Options.MaximumRetryCount,
                            delay.TotalSeconds));
                    }

                    return ReadNext.At(context.Now + delay);
                }

                Complete(CloudJobResult.Fail(failure.AfterAttempts(_attempts, context.Now - _firstSent.Value)));
                return ReadNext.Done();
            }

            Complete(attempt.Result);
            return ReadNext.Done();
        }

        internal override void End(CloudJobFailure? failure)
        {
            if (failure == null)
            {
                _done.TrySetCanceled();
            }
            else
            {
                Complete(CloudJobResult.Fail(failure));
            }

            _cancel.Dispose();
        }

        private void Complete(CloudJobResult result)
        {
            _done.TrySetResult(result);
            _cancel.Dispose();
        }
    }
}
