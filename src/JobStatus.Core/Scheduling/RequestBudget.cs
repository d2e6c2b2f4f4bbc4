using System;
using System.Collections.Generic;
using System.Globalization;

namespace JobStatus.Scheduling
{
    /// <summary>
    /// At most <see cref="PerSecond"/> requests a second, evenly spread: a request may leave one
    /// spacing (1 / rate) after the previous one, and never as the (cap + 1)th within one second, cap
    /// being the rate rounded down (at least 1). So no one-second window ever holds more than the
    /// rate allows, and there is no burst after an idle spell. Nobody books a time ahead: a caller
    /// asks, and is told how long to wait before asking again, so a budget lowered meanwhile (after a
    /// 429 that states its policy) holds for everyone still waiting. Times are read from a monotonic
    /// clock (the scheduler's elapsed time), so a step of the wall clock changes nothing. Thread-safe.
    /// </summary>
    internal sealed class RequestBudget
    {
        private readonly object _lock = new object();
        private readonly Func<TimeSpan> _clock;
        private readonly Queue<TimeSpan> _recent = new Queue<TimeSpan>();
        private TimeSpan _last = TimeSpan.MinValue;
        private double _perSecond;
        private TimeSpan _spacing;
        private int _cap;

        /// <param name="perSecond">Requests a second, more than 0.</param>
        /// <param name="source">Where the figure comes from, for notes: "-MaximumRequestRate", "the RDS API reference".</param>
        /// <param name="clock">Monotonic time: how long since some fixed moment.</param>
        public RequestBudget(double perSecond, string source, Func<TimeSpan> clock)
        {
            _clock = clock ?? throw new ArgumentNullException(nameof(clock));
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
                TimeSpan now = _clock();
                TimeSpan next = NextTurn(now);
                if (next > now)
                {
                    wait = next - now;
                    return false;
                }

                // The turn is counted at its slot, not at the moment a late timer took it: a wake-up a few
                // milliseconds late must not push every later turn back (at 33 a second, 3 ms late on each
                // would lose a tenth of the budget). Taken a whole spacing or more after its slot (after an
                // idle spell), it counts from now: no burst; the one-second window still caps any second.
                _last = next > now - _spacing ? next : now;
                _recent.Enqueue(now);
                while (_recent.Count > _cap)
                {
                    _recent.Dequeue();
                }

                wait = TimeSpan.Zero;
                return true;
            }
        }

        /// <summary>How long until a turn may be free, without taking one.</summary>
        public TimeSpan TimeToNextTurn()
        {
            lock (_lock)
            {
                TimeSpan now = _clock();
                TimeSpan next = NextTurn(now);
                return next > now ? next - now : TimeSpan.Zero;
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
        private TimeSpan NextTurn(TimeSpan now)
        {
            while (_recent.Count > 0 && _recent.Peek() <= now - TimeSpan.FromSeconds(1))
            {
                _recent.Dequeue();
            }

            TimeSpan next = _last == TimeSpan.MinValue ? now : _last + _spacing;
            if (_recent.Count >= _cap)
            {
                TimeSpan windowFree = _recent.Peek() + TimeSpan.FromSeconds(1);
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
