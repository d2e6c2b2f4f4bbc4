using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Threading;
using JobStatus.Client;
using JobStatus.Connection;
using JobStatus.Connection.Iam;
using JobStatus.Scheduling;
using JobStatus.Services;
using JobStatus.Waiting;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace JobStatus.Tests.Simulation
{
    /// <summary>
    /// A three-day wait of many jobs across four services, on a fake clock, through the real client,
    /// scheduler and wait session over an in-process simulated cloud: IAM tokens that expire every
    /// 24 h, outages of 30 s, 5 min and 1 h, connections reset, a 429 storm with every kind of
    /// Retry-After, a backward step of the wall clock and a 403 from one service. Every job must be
    /// written exactly once, soon after it finishes, or get its own error; none may be lost.
    /// </summary>
    [Collection(SimulationCollection.Name)]
    public class ThreeDayWaitTests
    {
        private static readonly DateTimeOffset Start = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
        private static readonly TimeSpan Interval = TimeSpan.FromMinutes(10);
        private static readonly TimeSpan Length = TimeSpan.FromDays(3);
        private static readonly string[] Services = { "CFW", "ECS", "RDS", "DDS" };

        private readonly ITestOutputHelper _output;

        public ThreeDayWaitTests(ITestOutputHelper output) => _output = output;

        [Fact]
        public void Every_job_is_written_once_when_it_finishes_or_gets_its_own_error_through_three_days_of_faults()
        {
            var fake = new FakeTimeProvider(Start);
            var clock = new SteppedClock(fake);
            using var cloud = new SimulatedCloud(fake);
            using var http = new HttpClient(cloud);

            // 60 jobs a service, finishing over the three days and a little beyond (those get their timeout).
            var random = new Random(17);
            var finishes = new Dictionary<string, DateTimeOffset>();
            foreach (string service in Services)
            {
                for (int i = 0; i < 60; i++)
                {
                    string id = $"{service.ToLowerInvariant()}-{i:000}";
                    DateTimeOffset finish = Start + TimeSpan.FromMinutes(random.Next(1, (int)(Length.TotalMinutes * 1.05)));
                    finishes[id] = finish;
                    cloud.AddJob(service, id, finish);
                }
            }

            // The faults, in the cloud's true time.
            var disturbed = new List<(DateTimeOffset From, DateTimeOffset To, string? Service)>();
            void Fault(SimulatedCloud.FaultKind kind, TimeSpan at, TimeSpan length, string? service = null, string retryAfter = "")
            {
                cloud.AddFault(new SimulatedCloud.Fault(kind, Start + at, length, service, retryAfter));
                disturbed.Add((Start + at, Start + at + length, service));
            }

            Fault(SimulatedCloud.FaultKind.Html503, TimeSpan.FromHours(2), TimeSpan.FromSeconds(30));
            Fault(SimulatedCloud.FaultKind.Html503, TimeSpan.FromHours(20), TimeSpan.FromMinutes(5));
            Fault(SimulatedCloud.FaultKind.Html503, TimeSpan.FromHours(40), TimeSpan.FromHours(1));
            Fault(SimulatedCloud.FaultKind.Reset, TimeSpan.FromHours(30), TimeSpan.FromMinutes(10), "ECS");
            Fault(SimulatedCloud.FaultKind.Throttle, TimeSpan.FromHours(10), TimeSpan.FromMinutes(3), "CFW", "120");
            Fault(SimulatedCloud.FaultKind.Throttle, TimeSpan.FromHours(10) + TimeSpan.FromMinutes(3), TimeSpan.FromMinutes(3), "CFW", "5000000");
            Fault(SimulatedCloud.FaultKind.Throttle, TimeSpan.FromHours(10) + TimeSpan.FromMinutes(6), TimeSpan.FromMinutes(3), "CFW", "Fri, 31 Dec 2100 23:59:59 GMT");
            Fault(SimulatedCloud.FaultKind.Throttle, TimeSpan.FromHours(10) + TimeSpan.FromMinutes(9), TimeSpan.FromMinutes(3), "CFW", "soon, please");
            Fault(SimulatedCloud.FaultKind.Throttle, TimeSpan.FromHours(10) + TimeSpan.FromMinutes(12), TimeSpan.FromMinutes(3), "CFW", "-5");
            TimeSpan forbiddenAt = TimeSpan.FromHours(36);
            cloud.AddFault(new SimulatedCloud.Fault(SimulatedCloud.FaultKind.Forbidden, Start + forbiddenAt, Length * 2, "DDS"));

            var source = new IamTokenSource(
                new IamSignIn("alice", SecureStringReader.FromText("sim-password"), "acme", SimulatedCloud.ProjectId, null, new Uri("https://iam.sim.invalid")),
                clock: clock.GetUtcNow,
                http: http);
            IRequestAuthenticator authenticator = new PasswordCredential(source).CreateAuthenticator(RequestScope.ForProject(SimulatedCloud.ProjectId));
            var options = new SchedulerOptions { ThrottleLimit = 16, ProbeFailingLanes = true, PollInterval = Interval };
            using var scheduler = new ReadScheduler(options, clock);
            using var session = new WaitSession(scheduler, Interval, Length, any: false, notes: false, signal: () => { });
            foreach (string service in Services)
            {
                var connection = new CloudJobConnection(SimulatedCloud.EndpointOf(service), SimulatedCloud.ProjectId, null, authenticator, "Session", CloudJobServices.Find(service));
                var client = new CloudJobClient(connection, new CloudJobClientOptions { Scheduler = scheduler, Http = http }, time: clock);
                foreach (string id in finishes.Keys.Where(k => k.StartsWith(service.ToLowerInvariant() + "-", StringComparison.Ordinal)))
                {
                    session.Track(id, null, client);
                }
            }

            // Run the wait as Wait-CloudJob's pipeline thread does, a second of fake time at a time.
            // At 50 h the machine's wall clock steps back two hours (NTP, a resumed VM).
            bool stepped = false;
            var outputs = SimulatedWait.Run(session, scheduler, fake, Start, TimeSpan.FromSeconds(1), beforeStep: () =>
            {
                if (!stepped && fake.GetUtcNow() >= Start + TimeSpan.FromHours(50))
                {
                    clock.Step = TimeSpan.FromHours(-2);
                    stepped = true;
                }
            });

            var written = outputs.Where(o => o.Output.Kind == WaitOutputKind.Job).GroupBy(o => o.Output.Job!.Id).ToDictionary(g => g.Key, g => g.ToList());
            var errors = outputs.Where(o => o.Output.Kind == WaitOutputKind.Error).ToList();
            var errorsByJob = errors.GroupBy(o => o.Output.Failure?.JobId ?? JobIdOf(o.Output.Target)).ToDictionary(g => g.Key, g => g.ToList());
            var warnings = outputs.Where(o => o.Output.Kind == WaitOutputKind.Warning).Select(o => o.Output.Text!).ToList();
            _output.WriteLine($"{cloud.Requests} requests, {cloud.SignIns} sign-ins, {written.Count} written, {errors.Count} errors, {warnings.Count} warnings");
            foreach (string warning in warnings)
            {
                _output.WriteLine("WARNING: " + warning);
            }

            int late = 0;
            foreach ((string id, DateTimeOffset finish) in finishes)
            {
                bool forbidden = id.StartsWith("dds-", StringComparison.Ordinal) && finish >= Start + forbiddenAt;
                bool afterTimeout = finish >= Start + Length;

                // Finished within the last interval of the wait: read finished in time, or not.
                if (!forbidden && !afterTimeout && finish >= Start + Length - Interval - options.LongestWaitBackoff && !written.ContainsKey(id))
                {
                    afterTimeout = true;
                }

                if (forbidden || afterTimeout)
                {
                    Assert.False(written.ContainsKey(id), $"{id} was written though it could not be read finished");
                    var own = Assert.Single(errorsByJob[id]);
                    if (afterTimeout && !forbidden)
                    {
                        Assert.Equal("CloudJobWaitTimeout", own.Output.ErrorId);
                    }
                    else
                    {
                        Assert.Equal(CloudJobFailureKind.PermissionDenied, own.Output.Failure!.Kind);
                        Assert.False(own.Output.Terminating, "a 403 of one service must not end the others' wait");
                    }

                    continue;
                }

                Assert.True(written.TryGetValue(id, out var times), $"{id} finished at {finish:u} and was never written");
                var once = Assert.Single(times);
                Assert.False(errorsByJob.ContainsKey(id), $"{id} was written and also got an error");
                Assert.True(once.Output.Job!.IsFinished);
                TimeSpan delay = Start + once.At - finish;
                Assert.True(delay >= TimeSpan.Zero, $"{id} was written before it finished");

                // Within one interval of its finish, plus whatever fault its service met after the finish
                // (the rest of an outage or storm), plus the longest backoff before it is probed again.
                TimeSpan allowed = Interval + options.LongestWaitBackoff + RestOfFaults(disturbed, finish, id) + TimeSpan.FromSeconds(2);
                if (delay > allowed)
                {
                    late++;
                    _output.WriteLine($"{id}: finished {finish:u}, written after {delay}, allowed {allowed}");
                }
            }

            Assert.Equal(0, late);
            Assert.DoesNotContain(errors, e => e.Output.Failure?.Kind == CloudJobFailureKind.Unexpected);
            Assert.True(cloud.SignIns >= 3, $"a token lives 24 h: three days need at least three sign-ins, saw {cloud.SignIns}");

            // Each outage and the storm are said once when they start and once when they end, not per poll.
            Assert.InRange(warnings.Count(w => w.Contains("is not answering", StringComparison.Ordinal)), 3, 16);
            Assert.Equal(warnings.Count(w => w.Contains("is not answering", StringComparison.Ordinal)), warnings.Count(w => w.Contains("answers again", StringComparison.Ordinal)));

            // No hot loop: about one read a job an interval while it runs, and one for its end.
            double expected = finishes.Values.Sum(f => Math.Min((f - Start).TotalMinutes, Length.TotalMinutes) / Interval.TotalMinutes + 1);
            Assert.True(cloud.Requests < expected * 1.5 + 2000, $"{cloud.Requests} requests for about {expected:0} polls");
        }

        private static TimeSpan RestOfFaults(List<(DateTimeOffset From, DateTimeOffset To, string? Service)> faults, DateTimeOffset finish, string id)
        {
            string service = id.Substring(0, id.IndexOf('-')).ToUpperInvariant();
            TimeSpan rest = TimeSpan.Zero;
            foreach ((DateTimeOffset from, DateTimeOffset to, string? only) in faults)
            {
                // A fault that began within an interval after the finish can hold the read that would see it.
                if ((only == null || only == service) && to > finish && from < finish + Interval + TimeSpan.FromMinutes(5))
                {
                    rest += to - (from > finish ? from : finish) + RetryAfterHeader.Longest;
                }
            }

            return rest;
        }

        private static string JobIdOf(object? target) => target switch
        {
            CloudJob job => job.Id,
            string id => id,
            _ => string.Empty,
        };
    }
}
