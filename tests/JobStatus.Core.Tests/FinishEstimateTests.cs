using System;
using JobStatus.Scheduling;

namespace JobStatus.Tests
{
    public class FinishEstimateTests
    {
        [Fact]
        public void The_job_that_has_run_longest_relative_to_its_peers_scores_highest()
        {
            var estimate = new FinishEstimate();
            foreach (int seconds in new[] { 60, 70, 80, 90, 100 })
            {
                estimate.Add(TimeSpan.FromSeconds(seconds));
            }

            double young = estimate.ChanceFinished(20, 30);   // younger than any peer took
            double middle = estimate.ChanceFinished(65, 85);  // peers of 70 and 80 s finished in between
            double old = estimate.ChanceFinished(95, 105);    // older than all but none: the last peer finished

            Assert.Equal(0, young);
            Assert.Equal(0.5, middle, 6);
            Assert.Equal(1, old);
            Assert.Equal(1, estimate.ChanceFinished(120, 121));
            Assert.Equal(0.6, estimate.ShareDoneBy(80), 6);
        }
    }
}
