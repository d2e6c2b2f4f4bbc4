using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using JobStatus.Client;
using JobStatus.Connection;
using JobStatus.Connection.Iam;
using JobStatus.Scheduling;
using JobStatus.Services;
using JobStatus.Waiting;
using Microsoft.Extensions.Time.Testing;
using Xunit;
using Xunit.Abstractions;

namespace JobStatus.Tests.Simulation
{
    /// <summary>
    /// How soon a wait writes a job that finished during (or between) disturbances, on a fake clock
    /// through the real client, scheduler and wait session, with a 5 s poll interval: two 503 outages
    /// 30 s apart, a spell of reset connections, and a 429 storm that lets one request in five through.
    /// A job is written within one poll interval of the end of the disturbance it finished in, or of
    /// its finish outside them: a service that is back is seen within an interval, however long it was
    /// down or however hard it throttled (the soak measures the same against the emulator).
    /// </summary>
    [Collection(SimulationCollection.Name)]
    public class RecoveryDelayTests
    {
        private static readonly DateTimeOffset Start = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
        private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);
        private static readonly TimeSpan Length = TimeSpan.FromMinutes(15);

        /// <summary>Fake-clock steps of the loop, a simulated answer's jitter and a read's order in its round.</summary>
        private static readonly TimeSpan Slack = TimeSpan.FromSeconds(2);

        private readonly ITestOutputHelper _output;

        public RecoveryDelayTests(ITestOutputHelper output) => _output = output;

        [Fact]
        public void A_job_that_finished_during_an_outage_or_a_429_storm_is_written_within_an_interval_of_its_end()
        {
            var fake = new FakeTimeProvider(Start);
            using var cloud = new SimulatedCloud(fake);
            using var http = new HttpClient(cloud);
            var random = new Random(17);
            var finishes = new Dictionary<string, DateTimeOffset>();
            // CFW's 429s state its policy (600 a minute), which binds after the storm: 40 jobs read every
            // 5 s stay within it, so the interval, not the budget, sets their pace.
            foreach ((string service, int count) in new[] { ("ECS", 80), ("CFW", 40) })
            {
                for (int i = 0; i < count; i++)
                {
                    string id = $"{service.ToLowerInvariant()}-{i:000}";
                    finishes[id] = Start + TimeSpan.FromSeconds(random.Next(10, 600));
                    cloud.AddJob(service, id, finishes[id]);
                }
            }

            var disturbed = new List<(DateTimeOffset From, DateTimeOffset To, string Service)>();
            void Fault(SimulatedCloud.FaultKind kind, int fromSec, int toSec, string service, string retryAfter = "", double share = 1)
            {
                cloud.AddFault(new SimulatedCloud.Fault(kind, Start + TimeSpan.FromSeconds(fromSec), TimeSpan.FromSeconds(toSec - fromSec), service, retryAfter, share));
                disturbed.Add((Start + TimeSpan.FromSeconds(fromSec), Start + TimeSpan.FromSeconds(toSec), service));
            }

            // As the soak: a 30 s outage, and 30 s later one of 2 min; then a minute of resets, one request in three.
            Fault(SimulatedCloud.FaultKind.Html503, 60, 90, "ECS");
            Fault(SimulatedCloud.FaultKind.Html503, 120, 240, "ECS");
            Fault(SimulatedCloud.FaultKind.Reset, 270, 330, "ECS", share: 0.33);

            // CFW: a minute in which four requests in five get 429 with Retry-After: 5.
            Fault(SimulatedCloud.FaultKind.Throttle, 300, 360, "CFW", "5", share: 0.8);

            var source = new IamTokenSource(
                new IamSignIn("alice", SecureStringReader.FromText("sim-password"), "acme", SimulatedCloud.ProjectId, null, new Uri("https://iam.sim.invalid")),
                clock: fake.GetUtcNow,
                http: http);
            IRequestAuthenticator authenticator = new PasswordCredential(source).CreateAuthenticator(RequestScope.ForProject(SimulatedCloud.ProjectId));
            var options = new SchedulerOptions { ThrottleLimit = 16, ProbeFailingLanes = true, PollInterval = Interval };
            using var scheduler = new ReadScheduler(options, fake);
            using var session = new WaitSession(scheduler, Interval, Length, any: false, notes: false, signal: () => { });
            foreach (string service in new[] { "ECS", "CFW" })
            {
                var connection = new CloudJobConnection(SimulatedCloud.EndpointOf(service), SimulatedCloud.ProjectId, null, authenticator, "Session", CloudJobServices.Find(service));
                var client = new CloudJobClient(connection, new CloudJobClientOptions { Scheduler = scheduler, Http = http }, time: fake);
                foreach (string id in finishes.Keys.Where(k => k.StartsWith(service.ToLowerInvariant() + "-", StringComparison.Ordinal)))
                {
                    session.Track(id, null, client);
                }
            }

            var outputs = SimulatedWait.Run(session, scheduler, fake, Start, TimeSpan.FromMilliseconds(100));

            Assert.Empty(outputs.Where(o => o.Output.Kind == WaitOutputKind.Error).Select(o => o.Output.Text));
            var written = outputs.Where(o => o.Output.Kind == WaitOutputKind.Job).ToDictionary(o => o.Output.Job!.Id, o => Start + o.At);
            Assert.Equal(finishes.Count, written.Count);

            var late = new List<string>();
            foreach ((string id, DateTimeOffset finish) in finishes)
            {
                string service = id.Substring(0, 3).ToUpperInvariant();
                DateTimeOffset from = finish;
                foreach ((DateTimeOffset faultFrom, DateTimeOffset faultTo, string only) in disturbed)
                {
                    // A disturbance that began within an interval after the finish holds the read that would see it.
                    if (only == service && faultFrom - Interval < finish && finish < faultTo)
                    {
                        from = faultTo;
                    }
                }

                TimeSpan delay = written[id] - from;
                if (delay > Interval + Slack)
                {
                    late.Add($"{id} finished at {(finish - Start).TotalSeconds:0} s, written {(written[id] - Start).TotalSeconds:0.0} s: {delay.TotalSeconds:0.0} s after {(from == finish ? "its finish" : "the end of its disturbance")}");
                }
            }

            foreach (string line in late)
            {
                _output.WriteLine(line);
            }

            Assert.Empty(late);
        }
    }
}
