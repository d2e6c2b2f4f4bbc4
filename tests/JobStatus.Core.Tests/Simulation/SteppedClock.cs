using System;
using System.Threading;
using Microsoft.Extensions.Time.Testing;

namespace JobStatus.Tests.Simulation
{
    /// <summary>
    /// The client machine's clocks over a <see cref="FakeTimeProvider"/>: the monotonic clock and the
    /// timers are the fake's, the wall clock is the fake's plus a step that a test can set, as NTP or
    /// a resumed VM steps it (back or forward). Code that schedules on the wall clock stalls or races
    /// when it steps; code that schedules on the monotonic clock does not notice.
    /// </summary>
    internal sealed class SteppedClock : TimeProvider
    {
        private readonly FakeTimeProvider _fake;
        private long _stepTicks;

        public SteppedClock(FakeTimeProvider fake) => _fake = fake;

        /// <summary>How far the wall clock is off true time.</summary>
        public TimeSpan Step
        {
            get => TimeSpan.FromTicks(Interlocked.Read(ref _stepTicks));
            set => Interlocked.Exchange(ref _stepTicks, value.Ticks);
        }

        public override DateTimeOffset GetUtcNow() => _fake.GetUtcNow() + Step;

        public override long GetTimestamp() => _fake.GetTimestamp();

        public override long TimestampFrequency => _fake.TimestampFrequency;

        public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
            _fake.CreateTimer(callback, state, dueTime, period);
    }
}
