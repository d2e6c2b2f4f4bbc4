using System;

namespace JobStatus.Tests
{
    public class CloudJobTests
    {
        private static readonly DateTimeOffset Begin = new DateTimeOffset(2022, 1, 5, 8, 15, 1, TimeSpan.Zero);

        [Theory]
        [InlineData(CloudJobStatus.Success)]
        [InlineData(CloudJobStatus.Failed)]
        public void A_finished_job_lasted_from_begin_to_end(CloudJobStatus status)
        {
            CloudJob job = Job(status, Begin, Begin.AddSeconds(14), retrievedAt: Begin.AddHours(3));

            Assert.True(job.IsFinished);
            Assert.Equal(TimeSpan.FromSeconds(14), job.Duration);
        }

        [Theory]
        [InlineData(CloudJobStatus.Running)]
        [InlineData(CloudJobStatus.Unknown)]
        public void A_job_still_going_has_lasted_until_it_was_read(CloudJobStatus status)
        {
            CloudJob job = Job(status, Begin, null, retrievedAt: Begin.AddMinutes(2));

            Assert.False(job.IsFinished);
            Assert.Equal(TimeSpan.FromMinutes(2), job.Duration);
        }

        [Fact]
        public void An_end_before_the_begin_gives_zero_not_a_negative_duration()
        {
            Assert.Equal(TimeSpan.Zero, Job(CloudJobStatus.Success, Begin, Begin.AddSeconds(-5), Begin).Duration);
        }

        [Fact]
        public void A_clock_behind_the_service_gives_zero_not_a_negative_duration()
        {
            Assert.Equal(TimeSpan.Zero, Job(CloudJobStatus.Running, Begin, null, retrievedAt: Begin.AddSeconds(-30)).Duration);
        }

        [Theory]
        [InlineData(CloudJobStatus.Running)]
        [InlineData(CloudJobStatus.Success)]
        public void Without_a_begin_time_there_is_no_duration(CloudJobStatus status)
        {
            Assert.Null(Job(status, null, Begin, Begin.AddMinutes(1)).Duration);
        }

        [Fact]
        public void A_finished_job_without_an_end_time_has_no_duration()
        {
            // Not the time until it was read: that would grow with every read of a finished job.
            Assert.Null(Job(CloudJobStatus.Success, Begin, null, Begin.AddHours(1)).Duration);
        }

        [Fact]
        public void Without_a_region_the_endpoint_host_names_where_it_was_read()
        {
            var job = new CloudJob("j", CloudJobStatus.Running, "Running", null, null, null, null, "p", null, new Uri("http://127.0.0.1:5000/"), null, Begin);

            Assert.Equal("127.0.0.1", job.Region);
            Assert.Equal("j", job.ToString());
        }

        private static CloudJob Job(CloudJobStatus status, DateTimeOffset? begin, DateTimeOffset? end, DateTimeOffset retrievedAt) =>
            new CloudJob("j", status, status.ToString(), begin, end, null, null, "p", "cn-north-4", new Uri("https://cfw.cn-north-4.myhuaweicloud.com"), null, retrievedAt);
    }
}
