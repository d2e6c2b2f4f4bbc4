using System;
using System.Threading;
using System.Threading.Tasks;

namespace JobStatus.Client
{
    /// <summary>
    /// Limits requests in flight (its own limit, or slots shared by a command's clients) and paces them after a 429. The limit is per user, so one throttled
    /// request means all are: after a 429 every request of the same client leaves one at a time, a
    /// spacing apart (a tenth of the retry interval at first, so 200 ms by default), and none before
    /// a Retry-After has passed. The spacing doubles with each further 429 (up to the retry interval's
    /// cap) and halves with each answer that is not one, so the client slows down at once, recovers
    /// in a few requests, and many jobs never become a 429 storm. Each throttled request also waits
    /// its own backoff before it comes back to the gate.
    /// </summary>
    internal sealed class ThrottleGate : IDisposable
    {
        private readonly TimeSpan _firstSpacing;
        private readonly TimeSpan _maximumSpacing;
        private readonly SemaphoreSlim _slots;
        private readonly object _lock = new object();
        private DateTime _pausedUntil;
        private DateTime _lastStart;
        private DateTime _escalatedAt;
        private TimeSpan _spacing;

        private readonly bool _ownsSlots;

        /// <param name="shared">Slots shared with other clients; null for this gate's own <paramref name="limit"/>.</param>
        public ThrottleGate(int limit, RequestSlots? shared, TimeSpan retryInterval, TimeSpan maximumRetryInterval)
        {
            _ownsSlots = shared == null;
            _slots = shared?.Semaphore ?? new SemaphoreSlim(Math.Max(1, limit));
            _firstSpacing = TimeSpan.FromTicks(Math.Max(TimeSpan.TicksPerMillisecond, retryInterval.Ticks / 10));
            _maximumSpacing = maximumRetryInterval > _firstSpacing ? maximumRetryInterval : _firstSpacing;
        }

        public async Task EnterAsync(CancellationToken cancellationToken)
        {
            await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                // Nobody books a time ahead: each waiter looks again when its turn may have come, so
                // a spacing that has since shrunk (or grown) applies to everyone still waiting.
                while (true)
                {
                    TimeSpan wait;
                    lock (_lock)
                    {
                        DateTime now = DateTime.UtcNow;
                        DateTime start = _spacing > TimeSpan.Zero && _lastStart + _spacing > _pausedUntil ? _lastStart + _spacing : _pausedUntil;
                        if (start <= now)
                        {
                            _lastStart = now;
                            return;
                        }

                        wait = start - now;
                    }

                    await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
                }
            }
            catch
            {
                _slots.Release();
                throw;
            }
        }

        public void Exit() => _slots.Release();

        /// <summary>A request sent at <paramref name="sentAt"/> got a 429: space every request further
        /// apart, unless this 429 answers a request sent before the last slow-down (the same burst,
        /// which says nothing new), and hold all back until <paramref name="retryAfter"/> has passed.</summary>
        public void Throttled(DateTime sentAt, TimeSpan? retryAfter)
        {
            lock (_lock)
            {
                DateTime now = DateTime.UtcNow;
                if (sentAt >= _escalatedAt)
                {
                    _escalatedAt = now;
                    _spacing = _spacing == TimeSpan.Zero
                        ? _firstSpacing
                        : TimeSpan.FromTicks(Math.Min(_spacing.Ticks * 2, _maximumSpacing.Ticks));
                }

                DateTime until = now + (retryAfter ?? TimeSpan.Zero);
                if (until > _pausedUntil)
                {
                    _pausedUntil = until;
                }

                // The next request leaves a whole spacing after this 429.
                _lastStart = now;
            }
        }

        /// <summary>An answer that was not a 429: the service has room again, so ease the pace.</summary>
        public void Answered()
        {
            lock (_lock)
            {
                if (_spacing > TimeSpan.Zero)
                {
                    _spacing = TimeSpan.FromTicks(_spacing.Ticks / 2);
                    if (_spacing < _firstSpacing)
                    {
                        _spacing = TimeSpan.Zero;
                    }
                }
            }
        }

        public void Dispose()
        {
            if (_ownsSlots)
            {
                _slots.Dispose();
            }
        }
    }
}
