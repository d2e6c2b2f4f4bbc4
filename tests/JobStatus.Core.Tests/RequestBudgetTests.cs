using System;
using System.Collections.Generic;
using System.Linq;
using JobStatus.Client;
using JobStatus.Services;

namespace JobStatus.Tests
{
    public class RequestBudgetTests
    {
        private DateTime _now = new DateTime(2026, 12, 3, 12, 0, 0, DateTimeKind.Utc);

        private DateTime Now() => _now;

        /// <summary>Asks as fast as allowed for <paramref name="seconds"/> of simulated time; returns when each request left.</summary>
        private List<DateTime> Drain(RequestBudget budget, double seconds)
        {
            var sent = new List<DateTime>();
            DateTime end = _now.AddSeconds(seconds);
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

        private static int BusiestSecond(List<DateTime> sent)
        {
            int most = 0;
            for (int i = 0, j = 0; i < sent.Count; i++)
            {
                while (j < sent.Count && sent[j] < sent[i].AddSeconds(1))
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

            List<DateTime> sent = Drain(budget, 60);

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
            _now = _now.AddMinutes(5);

            List<DateTime> sent = Drain(budget, 1);

            Assert.True(sent.Count <= 10);
            Assert.True(sent.Zip(sent.Skip(1), (a, b) => b - a).All(gap => gap >= TimeSpan.FromMilliseconds(99.9)), "requests are spaced");
        }

        [Fact]
        public void Lowering_holds_for_everyone_and_a_higher_figure_is_ignored()
        {
            var budget = new RequestBudget(10, "-MaximumRequestRate", Now);

            Assert.False(budget.Lower(50, "higher"));
            Assert.True(budget.Lower(0.5, "learned from a 429: limit:30,time:1 minute"));
            List<DateTime> sent = Drain(budget, 10);

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
        public void Without_a_rate_each_service_has_its_documented_budget_and_a_429_sets_one_for_its_service_alone()
        {
            var notes = new List<string>();
            var budgets = new RequestBudgets(null, notes.Add, Now);
            var endpoint = new Uri("https://example.invalid");

            BudgetLane rds = budgets.For(CloudJobServices.Find("RDS")!, endpoint);
            BudgetLane cfw = budgets.For(CloudJobServices.Find("CFW")!, endpoint);
            BudgetLane ecs = budgets.For(CloudJobServices.Find("ECS")!, endpoint);

            Assert.Equal(1.0, rds.PerSecond);
            Assert.Null(cfw.PerSecond);
            Assert.False(cfw.IsLimited);
            Assert.True(cfw.Learn("APIGW.0308: The throttling threshold has been reached: policy user over ratelimit,limit:200,time:5 minute"));
            Assert.False(cfw.Learn("APIGW.0308: limit:300,time:5 minute"));
            Assert.True(cfw.IsLimited);
            Assert.Equal(200.0 / 300, cfw.PerSecond!.Value, 6);
            Assert.False(ecs.IsLimited);
            Assert.Same(cfw, budgets.For(CloudJobServices.Find("cfw")!, new Uri("https://example.invalid/other")));
            Assert.Equal("CFW answered 429 with its policy (limit:200,time:5 minute): its requests are paced at 40 requests a minute for the rest of the command.", Assert.Single(notes));
        }

        [Fact]
        public void A_given_rate_is_one_budget_for_the_whole_command_and_replaces_the_documented_ones()
        {
            var budgets = new RequestBudgets(5, null, Now);
            var endpoint = new Uri("https://example.invalid");

            BudgetLane rds = budgets.For(CloudJobServices.Find("RDS")!, endpoint);
            BudgetLane cfw = budgets.For(CloudJobServices.Find("CFW")!, endpoint);

            Assert.Equal(5.0, rds.PerSecond);
            Assert.Same(rds.Command, cfw.Command);
            Assert.Null(rds.Service);
            Assert.Equal("5 requests a second (-MaximumRequestRate)", cfw.Describe());
        }

        [Fact]
        public void Zero_lifts_every_budget_but_the_learned()
        {
            var budgets = new RequestBudgets(0, null, Now);
            BudgetLane rds = budgets.For(CloudJobServices.Find("RDS")!, new Uri("https://example.invalid"));

            Assert.False(rds.IsLimited);
            Assert.True(rds.Learn("limit:10,time:1 second"));
            Assert.Equal(10.0, rds.PerSecond);
        }
    }
}
