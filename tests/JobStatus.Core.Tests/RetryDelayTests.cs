using System;
using System.Linq;
using JobStatus.Client;

namespace JobStatus.Tests
{
    public class RetryDelayTests
    {
        private const int Samples = 500;

        [Theory]
        [InlineData(1, 2.0)]
        [InlineData(2, 4.0)]
        [InlineData(3, 8.0)]
        [InlineData(4, 16.0)]
        [InlineData(6, 64.0)]
        public void The_wait_doubles_with_each_retry_within_twenty_percent(int retry, double nominalSeconds)
        {
            double[] waits = Enumerable.Range(0, Samples)
                .Select(_ => RetryDelay.Compute(retry, TimeSpan.FromSeconds(2), TimeSpan.FromHours(1), null).TotalSeconds)
                .ToArray();

            Assert.All(waits, w => Assert.InRange(w, nominalSeconds * 0.8, nominalSeconds * 1.2));

            // Jitter, so that many jobs throttled together do not retry in lockstep.
            Assert.Contains(waits, w => w < nominalSeconds * 0.95);
            Assert.Contains(waits, w => w > nominalSeconds * 1.05);
        }

        [Theory]
        [InlineData(5)]
        [InlineData(10)]
        [InlineData(64)]
        [InlineData(1100)]
        [InlineData(int.MaxValue)]
        public void The_doubling_stops_at_the_maximum(int retry)
        {
            for (int i = 0; i < Samples; i++)
            {
                TimeSpan wait = RetryDelay.Compute(retry, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(30), null);

                // The jitter applies around the cap too.
                Assert.InRange(wait.TotalSeconds, 30 * 0.8, 30 * 1.2);
            }
        }

        [Theory]
        [InlineData(0)]
        [InlineData(-3)]
        public void A_retry_number_below_one_waits_like_the_first(int retry)
        {
            TimeSpan wait = RetryDelay.Compute(retry, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(30), null);

            Assert.InRange(wait.TotalSeconds, 1.6, 2.4);
        }

        [Theory]
        [InlineData(1, 1.0)]
        [InlineData(3, 0.0)]
        [InlineData(1, 120.0)]
        [InlineData(7, 299.0)]
        public void Retry_After_wins_exactly_even_above_the_maximum(int retry, double seconds)
        {
            TimeSpan wait = RetryDelay.Compute(retry, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(seconds));

            Assert.Equal(TimeSpan.FromSeconds(seconds), wait);
        }

        [Theory]
        [InlineData(301.0)]
        [InlineData(3600.0)]
        [InlineData(86400.0 * 365)]
        public void Retry_After_is_capped_at_five_minutes(double seconds)
        {
            Assert.Equal(TimeSpan.FromMinutes(5), RetryDelay.Compute(1, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(seconds)));
        }

        [Fact]
        public void A_negative_Retry_After_is_ignored()
        {
            TimeSpan wait = RetryDelay.Compute(1, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(-10));

            Assert.InRange(wait.TotalSeconds, 1.6, 2.4);
        }
    }
}
