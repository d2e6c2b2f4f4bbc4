using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using JobStatus.Client;
using JobStatus.Connection;
using JobStatus.Scheduling;
using JobStatus.Services;
using JobStatus.Waiting;
using Microsoft.Extensions.Time.Testing;
using static JobStatus.Tests.LoopbackHttpServer;

namespace JobStatus.Tests
{
    /// <summary>
    /// The scheduler against real HTTP on loopback, with its clock faked: pauses, backoffs and
    /// windows that would take minutes or days pass in a call to Advance.
    /// </summary>
    public class ReadSchedulerTests
    {
        private const string ProjectId = "0123456789abcdef0123456789abcdef";
        private const string CfwBody = "{\"data\":{\"id\":\"j\",\"status\":\"Success\"}}";
        private const string Throttled = "{\"error_code\":\"APIGW.0308\",\"error_msg\":\"The throttling threshold has been reached\"}";
        private static readonly TimeSpan Hang = TimeSpan.FromSeconds(20);
        private static readonly DateTimeOffset Now = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        [Theory]
        [InlineData("120", 120.0)]
        [InlineData(" 7 ", 7.0)]
        [InlineData("0", 0.0)]
        [InlineData("-5", 0.0)]
        [InlineData("5000000", 300.0)]
        [InlineData("99999999999999999999999999", 300.0)]
        [InlineData("Thu, 01 Jan 2026 00:00:30 GMT", 30.0)]
        [InlineData("Fri, 31 Dec 2100 23:59:59 GMT", 300.0)]
        [InlineData("Mon, 01 Jan 2001 00:00:00 GMT", 0.0)]
        public void Every_Retry_After_is_a_pause_between_zero_and_five_minutes(string header, double seconds) =>
            Assert.Equal(TimeSpan.FromSeconds(seconds), RetryAfterHeader.Parse(header, Now));

        [Theory]
        [InlineData("")]
        [InlineData("soon, please")]
        [InlineData("1.5e3x")]
        [InlineData("--3")]
        public void A_Retry_After_that_says_nothing_readable_asks_for_no_pause(string header) =>
            Assert.Null(RetryAfterHeader.Parse(header, Now));

        [Fact]
        public async Task A_huge_Retry_After_pauses_a_read_for_the_cap_and_never_crashes_it()
        {
            await using var server = new LoopbackHttpServer(Reply.Json(429, Throttled, ("Retry-After", "5000000")), Reply.Json(200, CfwBody));
            var time = new FakeTimeProvider(Now);
            using var scheduler = new ReadScheduler(new SchedulerOptions(), time);
            CloudJobClient client = Client("CFW", server.Endpoint, scheduler);

            Task<CloudJobResult> read = client.GetJobAsync("j", CancellationToken.None);
            await WaitUntil(() => server.RequestCount == 1 && scheduler.InFlight == 0);
            time.Advance(TimeSpan.FromMinutes(4));
            await Task.Delay(100);
            Assert.False(read.IsCompleted, "the pause is the cap, five minutes");

            time.Advance(TimeSpan.FromMinutes(1.01));
            CloudJobResult result = await read.WaitAsync(Hang);

            Assert.Null(result.Failure);
            Assert.Equal(2, server.RequestCount);
        }

        [Fact]
        public async Task A_pause_holds_its_own_lane_only()
        {
            await using var cfw = new LoopbackHttpServer(Reply.Json(429, Throttled, ("Retry-After", "3600")), Reply.Json(200, CfwBody));
            await using var ecs = new LoopbackHttpServer(Reply.Json(200, "{\"status\":\"SUCCESS\",\"job_id\":\"j\"}"));
            var time = new FakeTimeProvider(Now);
            using var scheduler = new ReadScheduler(new SchedulerOptions { ThrottleLimit = 1 }, time);

            Task<CloudJobResult> paused = Client("CFW", cfw.Endpoint, scheduler).GetJobAsync("j", CancellationToken.None);
            await WaitUntil(() => cfw.RequestCount == 1 && scheduler.InFlight == 0);
            CloudJobResult other = await Client("ECS", ecs.Endpoint, scheduler).GetJobAsync("j", CancellationToken.None).WaitAsync(Hang);

            Assert.Null(other.Failure);
            Assert.False(paused.IsCompleted);
            time.Advance(RetryAfterHeader.Longest);
            Assert.Null((await paused.WaitAsync(Hang)).Failure);
        }

        [Fact]
        public async Task A_429_that_states_no_policy_teaches_no_budget_whatever_the_job_id_says()
        {
            await using var server = new LoopbackHttpServer(Reply.Json(429, Throttled), Reply.Json(200, CfwBody));
            var notes = new List<string>();
            using var scheduler = new ReadScheduler(new SchedulerOptions { RetryInterval = TimeSpan.FromMilliseconds(10), Note = notes.Add });
            CloudJobClient client = Client("CFW", server.Endpoint, scheduler);

            CloudJobResult result = await client.GetJobAsync("limit:1,time:1 day", CancellationToken.None).WaitAsync(Hang);

            Assert.Null(result.Failure);
            Assert.Empty(notes);
            Assert.False(scheduler.LaneFor(client).IsLimited);
        }

        [Fact]
        public void The_backoff_starts_at_the_retry_interval_even_above_thirty_seconds()
        {
            var options = new SchedulerOptions { RetryInterval = TimeSpan.FromSeconds(600) };

            Assert.InRange(options.Backoff(1).TotalSeconds, 480, 600);
            Assert.InRange(options.Backoff(5).TotalSeconds, 480, 600);
            Assert.InRange(new SchedulerOptions().Backoff(10).TotalSeconds, 24, 30);
        }

        [Fact]
        public void Progress_and_durations_keep_their_days()
        {
            Assert.Equal("30:00:05", Durations.Clock(TimeSpan.FromHours(30) + TimeSpan.FromSeconds(5)));
            Assert.Equal("3 d 2 h", Durations.Describe(TimeSpan.FromHours(74)));
            Assert.Equal("2 min 5 s", Durations.Describe(TimeSpan.FromSeconds(125)));
        }

        [Fact]
        public void The_age_of_the_oldest_read_is_right_after_a_quarter_of_an_hour_and_after_a_day()
        {
            var time = new FakeTimeProvider(Now);
            var reads = new OrderedReads(time, () => { });
            var never = new TaskCompletionSource<CloudJobResult>();
            reads.Add(never.Task);
            reads.Add(never.Task);

            time.Advance(TimeSpan.FromMilliseconds(100));
            Assert.Equal(TimeSpan.FromMilliseconds(100), reads.WaitNeeded(keepAtMost: 1, stretch: true));

            // Stalled: the window stretches rather than waiting on it. (Stopwatch ticks times 10^7
            // overflowed after 922 s on Linux and made the age negative.)
            time.Advance(TimeSpan.FromSeconds(1000));
            Assert.Null(reads.WaitNeeded(keepAtMost: 1, stretch: true));
            time.Advance(TimeSpan.FromDays(1));
            Assert.Null(reads.WaitNeeded(keepAtMost: 1, stretch: true));
        }

        [Fact]
        public async Task A_backward_step_of_the_wall_clock_does_not_stop_polling()
        {
            await using var server = new LoopbackHttpServer(Reply.Json(200, "{\"data\":{\"id\":\"j\",\"status\":\"Running\"}}"));
            var fake = new FakeTimeProvider(Now);
            var clock = new Simulation.SteppedClock(fake);
            using var scheduler = new ReadScheduler(new SchedulerOptions(), clock);
            using var session = new WaitSession(scheduler, TimeSpan.FromSeconds(10), null, any: false, notes: false, () => { });
            session.Track("j", null, Client("CFW", server.Endpoint, scheduler));
            await WaitUntil(() => server.RequestCount == 1 && scheduler.InFlight == 0);

            clock.Step = TimeSpan.FromHours(-1);
            for (int i = 1; i <= 3; i++)
            {
                fake.Advance(TimeSpan.FromSeconds(10));
                await WaitUntil(() => server.RequestCount == 1 + i && scheduler.InFlight == 0);
            }
        }

        private static CloudJobClient Client(string service, Uri endpoint, ReadScheduler scheduler)
        {
            var connection = new CloudJobConnection(endpoint, ProjectId, null, new TokenAuthenticator(SecureStringReader.FromText("t")), "test", CloudJobServices.Find(service));
            return new CloudJobClient(connection, new CloudJobClientOptions { Scheduler = scheduler });
        }

        private static async Task WaitUntil(Func<bool> condition)
        {
            DateTime deadline = DateTime.UtcNow + Hang;
            while (!condition())
            {
                Assert.True(DateTime.UtcNow < deadline, "timed out waiting for the condition");
                await Task.Delay(5);
            }
        }
    }
}
