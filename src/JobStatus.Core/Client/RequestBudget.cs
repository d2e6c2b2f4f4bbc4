using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;

namespace JobStatus.Client
{
    /// <summary>
    /// At most <see cref="PerSecond"/> requests a second, evenly spread: a request may leave one
    /// spacing (1 / rate) after the previous one, and never as the (cap + 1)th within one second, cap
    /// being the rate rounded down (at least 1). So no one-second window ever holds more than the
    /// rate allows, and there is no burst after an idle spell. Nobody books a time ahead: a caller
    /// asks, and is told how long to wait before asking again, so a budget lowered meanwhile (after a
    /// 429 that states its policy) holds for everyone still waiting. Thread-safe.
    /// </summary>
    public sealed class RequestBudget
    {
        private readonly object _lock = new object();
        private readonly Func<DateTime> _clock;
        private readonly Queue<DateTime> _recent = new Queue<DateTime>();
        private DateTime _last = DateTime.MinValue;
        private double _perSecond;
        private TimeSpan _spacing;
        private int _cap;
        private long _taken;
        private long _held;

        /// <param name="perSecond">Requests a second, more than 0.</param>
        /// <param name="source">Where the figure comes from, for notes: "-MaximumRequestRate", "the RDS API reference".</param>
        public RequestBudget(double perSecond, string source, Func<DateTime>? clock = null)
        {
            _clock = clock ?? (() => DateTime.UtcNow);
            Source = source ?? throw new ArgumentNullException(nameof(source));
            Set(perSecond);
        }

        public double PerSecond
        {
            get
            {
                lock (_lock)
                {
                    return _perSecond;
                }
            }
        }

        public string Source { get; private set; }

        /// <summary>Requests let through so far.</summary>
        public long Taken => Interlocked.Read(ref _taken);

        /// <summary>How many times a caller was told to wait: the budget, not the caller, set the pace.</summary>
        public long Held => Interlocked.Read(ref _held);

        /// <summary>"2,000 a minute (the BMS API reference)".</summary>
        public string Describe() => $"{Rate(PerSecond)} ({Source})";

        /// <summary>"33.33 requests a second", or "40 requests a minute" below one a second.</summary>
        internal static string Rate(double perSecond) => perSecond >= 1
            ? string.Format(CultureInfo.InvariantCulture, "{0:0.##} requests a second", perSecond)
            : string.Format(CultureInfo.InvariantCulture, "{0:0.##} requests a minute", perSecond * 60);

        /// <summary>Takes a turn now, or says how long until one may be free.</summary>
        public bool TryTake(out TimeSpan wait)
        {
            lock (_lock)
            {
                DateTime now = _clock();
                DateTime next = NextTurn(now);
                if (next > now)
                {
                    wait = next - now;
                    return false;
                }

                _last = now;
                _recent.Enqueue(now);
                while (_recent.Count > _cap)
                {
                    _recent.Dequeue();
                }

                _taken++;
                wait = TimeSpan.Zero;
                return true;
            }
        }

        /// <summary>How long until a turn may be free, without taking one.</summary>
        public TimeSpan TimeToNextTurn()
        {
            lock (_lock)
            {
                DateTime now = _clock();
                DateTime next = NextTurn(now);
                return next > now ? next - now : TimeSpan.Zero;
            }
        }

        /// <summary>Waits for a turn and takes it.</summary>
        public async Task TakeAsync(CancellationToken cancellationToken)
        {
            bool held = false;
            while (!TryTake(out TimeSpan wait))
            {
                if (!held)
                {
                    held = true;
                    Interlocked.Increment(ref _held);
                }

                await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
            }
        }

        /// <summary>Lowers the budget for the rest of the command; a higher figure is ignored.</summary>
        /// <returns>True when the budget changed.</returns>
        public bool Lower(double perSecond, string source)
        {
            lock (_lock)
            {
                if (!(perSecond < _perSecond))
                {
                    return false;
                }

                Set(perSecond);
                Source = source;
                return true;
            }
        }

        /// <summary>The earliest a request may leave: a spacing after the last, and not as the (cap + 1)th
        /// within one second. Forgets sends older than a second. Callers hold the lock.</summary>
        private DateTime NextTurn(DateTime now)
        {
            while (_recent.Count > 0 && _recent.Peek() <= now - TimeSpan.FromSeconds(1))
            {
                _recent.Dequeue();
            }

            DateTime next = _last == DateTime.MinValue ? now : _last + _spacing;
            if (_recent.Count >= _cap)
            {
                DateTime windowFree = _recent.Peek() + TimeSpan.FromSeconds(1);
                next = windowFree > next ? windowFree : next;
            }

            return next;
        }

        private void Set(double perSecond)
        {
            if (!(perSecond > 0) || double.IsInfinity(perSecond))
            {
                throw new ArgumentOutOfRangeException(nameof(perSecond), perSecond, "A request budget is a number of requests a second, more than 0.");
            }

            _perSecond = perSecond;
            _spacing = TimeSpan.FromTicks((long)Math.Ceiling(TimeSpan.TicksPerSecond / perSecond));
            _cap = Math.Max(1, (int)Math.Floor(perSecond + 1e-9));
        }
    }
}
