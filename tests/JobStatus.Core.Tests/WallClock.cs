using System;

namespace JobStatus.Tests
{
    /// <summary>A TimeProvider whose wall clock is a function, for tests of what is read at a given time (a job's read-at time, a token's expiry).</summary>
    internal sealed class WallClock : TimeProvider
    {
        private readonly Func<DateTimeOffset> _now;

        public WallClock(Func<DateTimeOffset> now) => _now = now;

        public override DateTimeOffset GetUtcNow() => _now();
    }
}
