using System;
using System.Threading;
using System.Threading.Tasks;

namespace JobStatus.Client
{
    /// <summary>
    /// Limits requests in flight and, after a 429, holds back every request of the same client until
    /// the backoff has passed: the limit is per user, so one throttled request means all are.
    /// </summary>
    internal sealed class ThrottleGate : IDisposable
    {
        private readonly SemaphoreSlim _slots;
        private long _pausedUntilTicks;

        public ThrottleGate(int limit)
        {
            _slots = new SemaphoreSlim(Math.Max(1, limit));
        }

        public async Task EnterAsync(CancellationToken cancellationToken)
        {
            await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                TimeSpan pause = new DateTime(Interlocked.Read(ref _pausedUntilTicks), DateTimeKind.Utc) - DateTime.UtcNow;
                if (pause > TimeSpan.Zero)
                {
                    await Task.Delay(pause, cancellationToken).ConfigureAwait(false);
                }
            }
            catch
            {
                _slots.Release();
                throw;
            }
        }

        public void Exit() => _slots.Release();

        public void PauseFor(TimeSpan delay)
        {
            long until = (DateTime.UtcNow + delay).Ticks;
            long seen;
            do
            {
                seen = Interlocked.Read(ref _pausedUntilTicks);
                if (seen >= until)
                {
                    return;
                }
            }
            while (Interlocked.CompareExchange(ref _pausedUntilTicks, until, seen) != seen);
        }

        public void Dispose() => _slots.Dispose();
    }
}
