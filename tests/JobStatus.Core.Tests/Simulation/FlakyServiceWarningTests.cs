using System;
using System.Collections.Generic;
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
    /// What a runbook's log shows while services are flaky rather than down, on a fake clock through
    /// the real client, scheduler and wait session: a 429 storm that lets one request in five through,
    /// a spell of connections reset at random, and one job its service keeps failing while answering
    /// the others. Each flaky spell is one warning when it begins and one when it is over, not a line
    /// per job or per flap; only the job the service keeps failing is named.
    /// </summary>
    [Collection(SimulationCollection.Name)]
    public class FlakyServiceWarningTests
    {
        private static readonly DateTimeOffset Start = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
        private static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);
        private static readonly TimeSpan Length = TimeSpan.FromHours(2);

        private readonly ITestOutputHelper _output;

        public FlakyServiceWarningTests(ITestOutputHelper output) => _output = output;

        [Fact]
        public void A_flaky_spell_is_said_once_when_it_begins_and_once_when_it_ends_and_only_a_job_the_service_keeps_failing_is_named()
        {
            var fake = new FakeTimeProvider(Start);
            using var cloud = new SimulatedCloud(fake);
            using var http = new HttpClient(cloud);
            var random = new Random(23);
            var ids = new Dictionary<string, List<string>> { ["CFW"] = new List<string>(), ["ECS"] = new List<string>() };
            foreach (string service in ids.Keys)
            {
                for (int i = 0; i < 30; i++)
                {
                    string id = $"{service.ToLowerInvariant()}-{i:000}";
                    // ecs-007 runs past the spell in which ECS fails it alone.
                    DateTimeOffset finish = id == "ecs-007" ? Start + TimeSpan.FromMinutes(90) : Start + TimeSpan.FromMinutes(random.Next(5, 100));
                    cloud.AddJob(service, id, finish);
                    ids[service].Add(id);
                }
            }

            // 20-30 min: CFW throttles four requests in five, each with Retry-After: 5.
            cloud.AddFault(new SimulatedCloud.Fault(SimulatedCloud.FaultKind.Throttle, Start + TimeSpan.FromMinutes(20), TimeSpan.FromMinutes(10), "CFW", "5", share: 0.8));
            // 40-50 min: a third of ECS's connections are reset.
            cloud.AddFault(new SimulatedCloud.Fault(SimulatedCloud.FaultKind.Reset, Start + TimeSpan.FromMinutes(40), TimeSpan.FromMinutes(10), "ECS", share: 0.33));
            // 60-65 min: ECS answers every job but ecs-007, which gets 503s.
            cloud.AddFault(new SimulatedCloud.Fault(SimulatedCloud.FaultKind.Html503, Start + TimeSpan.FromMinutes(60), TimeSpan.FromMinutes(5), "ECS", jobId: "ecs-007"));

            var source = new IamTokenSource(
                new IamSignIn("alice", SecureStringReader.FromText("sim-password"), "acme", SimulatedCloud.ProjectId, null, new Uri("https://iam.sim.invalid")),
                clock: fake.GetUtcNow,
                http: http);
            IRequestAuthenticator authenticator = new PasswordCredential(source).CreateAuthenticator(RequestScope.ForProject(SimulatedCloud.ProjectId));
            using var scheduler = new ReadScheduler(new SchedulerOptions { ThrottleLimit = 16, ProbeFailingLanes = true, PollInterval = Interval }, fake);
            using var session = new WaitSession(scheduler, Interval, Length, any: false, notes: false, signal: () => { });
            foreach (string service in ids.Keys)
            {
                var connection = new CloudJobConnection(SimulatedCloud.EndpointOf(service), SimulatedCloud.ProjectId, null, authenticator, "Session", CloudJobServices.Find(service));
                var client = new CloudJobClient(connection, new CloudJobClientOptions { Scheduler = scheduler, Http = http }, time: fake);
                foreach (string id in ids[service])
                {
                    session.Track(id, null, client);
                }
            }

            var outputs = SimulatedWait.Run(session, scheduler, fake, Start, TimeSpan.FromSeconds(1));
            var warnings = outputs.Where(o => o.Output.Kind == WaitOutputKind.Warning).ToList();
            foreach ((TimeSpan at, WaitOutput warning) in warnings)
            {
                _output.WriteLine($"{at}: {warning.Text}");
            }

            // Every job written once; none failed or timed out.
            Assert.Empty(outputs.Where(o => o.Output.Kind == WaitOutputKind.Error).Select(o => o.Output.Text));
            Assert.Equal(60, outputs.Count(o => o.Output.Kind == WaitOutputKind.Job));
            Assert.Equal(60, outputs.Where(o => o.Output.Kind == WaitOutputKind.Job).Select(o => o.Output.Job!.Id).Distinct().Count());

            foreach (string service in ids.Keys)
            {
                int failing = warnings.Count(w => w.Output.Text!.StartsWith(service + " at ", StringComparison.Ordinal) && w.Output.Text.Contains(" is not answering (", StringComparison.Ordinal));
                int recovered = warnings.Count(w => w.Output.Text!.StartsWith(service + " at ", StringComparison.Ordinal) && w.Output.Text.Contains(" answers again after ", StringComparison.Ordinal));
                Assert.InRange(failing, 0, 1);
                Assert.Equal(failing, recovered);
            }

            // The storm stopped CFW answering for a while: said, and its end said once it had passed.
            var cfwBack = Assert.Single(warnings, w => w.Output.Text!.StartsWith("CFW at ", StringComparison.Ordinal) && w.Output.Text.Contains(" answers again after ", StringComparison.Ordinal));
            Assert.InRange(cfwBack.At, TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(33));

            // Only the job ECS kept failing alone is named, once when it has failed a while and once when it is read again.
            var named = warnings.Where(w => w.Output.Text!.StartsWith("Reading job ", StringComparison.Ordinal) || w.Output.Text.Contains("' is read again after ", StringComparison.Ordinal)).ToList();
            Assert.Equal(2, named.Count);
            Assert.All(named, w => Assert.Contains("'ecs-007'", w.Output.Text, StringComparison.Ordinal));
            Assert.InRange(named[0].At, TimeSpan.FromMinutes(61), TimeSpan.FromMinutes(63));
            Assert.Contains("HTTP 503", named[0].Output.Text, StringComparison.Ordinal);
        }
    }
}
