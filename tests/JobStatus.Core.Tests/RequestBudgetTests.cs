using System;
using System.Collections.Generic;
using System.Linq;
using JobStatus.Client;
using JobStatus.Connection;
using JobStatus.Scheduling;
using JobStatus.Services;

namespace JobStatus.Tests
{
    public class RequestBudgetTests
    {
        private TimeSpan _now = TimeSpan.FromHours(12);

        private TimeSpan Now() => _now;

        /// <summary>Asks as fast as allowed for <paramref name="seconds"/> of simulated time; returns when each request left.</summary>
        private List<TimeSpan> Drain(RequestBudget budget, double seconds)
        {
            var sent = new List<TimeSpan>();
            TimeSpan end = _now + TimeSpan.FromSeconds(seconds);
            while (_now < end)
            {
                if (budget.TryTake(out TimeSpan wait))
                {
                    sent.Add(_now);
                }
                else
                {
                    Assert.True(wait > TimeSpan.Zero);
                    _now += wait;
                }
            }

            return sent;
        }

        private static int BusiestSecond(List<TimeSpan> sent)
        {
            int most = 0;
            for (int i = 0, j = 0; i < sent.Count; i++)
            {
                while (j < sent.Count && sent[j] < sent[i] + TimeSpan.FromSeconds(1))
                {
                    j++;
                }

                most = Math.Max(most, j - i);
            }

            return most;
        }

        [Theory]
        [InlineData(33.333)]
        [InlineData(20)]
        [InlineData(7.5)]
        [InlineData(1)]
        [InlineData(0.25)]
        public void No_one_second_window_holds_more_than_the_rate_allows_and_the_rate_is_used(double rate)
        {
            var budget = new RequestBudget(rate, "test", Now);

            List<TimeSpan> sent = Drain(budget, 60);

            Assert.True(BusiestSecond(sent) <= Math.Max(1, Math.Floor(rate)), $"busiest second {BusiestSecond(sent)}");
            // Whole requests in whole seconds: 7.5 a second is at most 7 in any one second.
            double usable = rate < 1 ? rate : Math.Floor(rate);
            Assert.InRange(sent.Count, Math.Floor(usable * 60 * 0.97), (rate * 60) + 1);
        }

        [Fact]
        public void An_idle_spell_gives_no_burst()
        {
            var budget = new RequestBudget(10, "test", Now);
            Assert.True(budget.TryTake(out _));
            _now += TimeSpan.FromMinutes(5);

            List<TimeSpan> sent = Drain(budget, 1);

            Assert.True(sent.Count <= 10);
            Assert.True(sent.Zip(sent.Skip(1), (a, b) => b - a).All(gap => gap >= TimeSpan.FromMilliseconds(99.9)), "requests are spaced");
        }

        [Fact]
        public void A_turn_taken_a_little_late_does_not_push_the_later_turns_back()
        {
            var budget = new RequestBudget(10, "test", Now);
            var sent = new List<TimeSpan>();
            // Every turn is taken 3 ms after it falls due, as a busy timer wakes: 100 turns still fit in
            // 10 s, where counting each from its late take would fit only 97.
            TimeSpan end = _now + TimeSpan.FromSeconds(10);
            while (_now < end)
            {
                if (budget.TryTake(out TimeSpan wait))
                {
                    sent.Add(_now);
                    continue;
                }

                _now += wait + TimeSpan.FromMilliseconds(3);
            }

            Assert.InRange(sent.Count, 100, 101);
            Assert.True(sent.Zip(sent.Skip(1), (a, b) => b - a).All(gap => gap >= TimeSpan.FromMilliseconds(96.9)), "no two requests closer than the lateness allows");
        }

        [Fact]
        public void Lowering_holds_for_everyone_and_a_higher_figure_is_ignored()
        {
            var budget = new RequestBudget(10, "-MaximumRequestRate", Now);

            Assert.False(budget.Lower(50, "higher"));
            Assert.True(budget.Lower(0.5, "learned from a 429: limit:30,time:1 minute"));
            List<TimeSpan> sent = Drain(budget, 10);

            Assert.InRange(sent.Count, 5, 6);
            Assert.Equal("learned from a 429: limit:30,time:1 minute", budget.Source);
            Assert.Equal("30 requests a minute (learned from a 429: limit:30,time:1 minute)", budget.Describe());
        }

        [Theory]
        [InlineData("The throttling threshold has been reached: policy user over ratelimit,limit:200,time:5 minute", 200.0 / 300, "limit:200,time:5 minute")]
        [InlineData("policy ip over ratelimit, limit: 10 , time: 2 seconds", 5.0, "limit: 10 , time: 2 seconds")]
        [InlineData("... LIMIT:3600,TIME:1 HOUR", 1.0, "LIMIT:3600,TIME:1 HOUR")]
        public void Reads_a_gateway_policy(string message, double perSecond, string policy)
        {
            Assert.True(ThrottlePolicy.TryRead(message, out double rate, out string said));
            Assert.Equal(perSecond, rate, 6);
            Assert.Equal(policy, said);
        }

        [Theory]
        [InlineData(null)]
        [InlineData("")]
        [InlineData("The throttling threshold has been reached")]
        [InlineData("limit:0,time:5 minute")]
        [InlineData("limit:99999999999,time:5 minute")]
        [InlineData("limit:200,time:5 fortnight")]
        public void A_message_without_a_policy_states_none(string? message) =>
            Assert.False(ThrottlePolicy.TryRead(message, out _, out _));

        [Fact]
        public void Without_a_rate_each_service_has_its_documented_budget_and_a_429_sets_one_for_its_lane_alone()
        {
            var notes = new List<string>();
            using var scheduler = new ReadScheduler(new SchedulerOptions { Note = notes.Add });

            Lane rds = scheduler.LaneFor(Client("RDS"));
            Lane cfw = scheduler.LaneFor(Client("CFW"));
            Lane ecs = scheduler.LaneFor(Client("ECS"));

            Assert.Equal(1.0, rds.Own!.PerSecond);
            Assert.False(cfw.IsLimited);
            Assert.True(cfw.Learn(200.0 / 300, "learned from a 429: limit:200,time:5 minute", () => scheduler.Now));
            Assert.False(cfw.Learn(1, "higher", () => scheduler.Now));
            Assert.True(cfw.IsLimited);
            Assert.Equal(200.0 / 300, cfw.Own!.PerSecond, 6);
            Assert.False(ecs.IsLimited);
            Assert.Same(cfw, scheduler.LaneFor(Client("cfw", "https://example.invalid/other")));
            Assert.NotSame(cfw, scheduler.LaneFor(Client("cfw", "https://cfw.example.invalid/")));
        }

        [Fact]
        public void A_given_rate_is_one_budget_for_the_whole_command_and_replaces_the_documented_ones()
        {
            using var scheduler = new ReadScheduler(new SchedulerOptions { MaximumRequestRate = 5 });

            Lane rds = scheduler.LaneFor(Client("RDS"));
            Lane cfw = scheduler.LaneFor(Client("CFW"));

            Assert.Same(rds.Command, cfw.Command);
            Assert.Null(rds.Own);
            Assert.Equal("5 requests a second (-MaximumRequestRate)", cfw.DescribeBudget());
        }

        [Fact]
        public void Zero_lifts_every_budget_but_the_learned()
        {
            using var scheduler = new ReadScheduler(new SchedulerOptions { MaximumRequestRate = 0 });
            Lane rds = scheduler.LaneFor(Client("RDS"));

            Assert.False(rds.IsLimited);
            Assert.True(rds.Learn(10, "learned from a 429: limit:10,time:1 second", () => scheduler.Now));
            Assert.Equal("10 requests a second (learned from a 429: limit:10,time:1 second)", rds.DescribeBudget());
        }

        internal static CloudJobClient Client(string service, string endpoint = "https://example.invalid")
        {
            var connection = new CloudJobConnection(
                new Uri(endpoint),
                "0123456789abcdef0123456789abcdef",
                null,
                new TokenAuthenticator(SecureStringReader.FromText("test-token")),
                "test",
                CloudJobServices.Find(service));
            return new CloudJobClient(connection, new CloudJobClientOptions());
        }
    }
}
