using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using JobStatus.Parsing;
using JobStatus.Services;

namespace JobStatus.Tests
{
    /// <summary>
    /// The example answer of each service's job API as the vendor publishes it (its API page or API
    /// Explorer definition, verbatim in VendorExamples/, sources in VendorExamples/README.md), read
    /// through the catalog: a finished job, every field where the catalog says it is, nothing unreadable.
    /// </summary>
    public class VendorExampleTests
    {
        private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "VendorExamples");

        /// <summary>Services whose vendor example is tested inline (ServiceAnswerTests; CAE's below), or that publish
        /// none of a finished job (WAF's, GeminiDB's, DDM's, CCE Autopilot's, CAE's and CCE upgrade tasks' only examples are of jobs still
        /// running; SWR, ServiceStage and Workspace publish none), or
        /// none we could read (the order pages' example blocks: OrderTests reads an answer built from the SDK
        /// model instead).</summary>
        private static readonly HashSet<string> ExampleElsewhere = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "CFW", "BMS", "CCE", "DCS", "DDS", "ECS", "ELB", "EVS", "GaussDB", "IMS", "RDS", "VPC", "WAF", "GeminiDB", "DDM", "Order", "OrderIntl",
            "SWR", "ServiceStage", "CCEAutopilot", "Workspace", "CAE", "CCEUpgrade",
        };

        /// <summary>CAE's only example, of a running job: the 200 example of its API Explorer definition (schemas/CAE/src/ShowJob.json
        /// in mingyang91/huawei-cloud-api-definitions @4a3c8c21, a third-party mirror), verbatim. It names no job id, type or time.</summary>
        private const string CaeExample = "{\n  \"api_version\": \"v1\",\n  \"kind\": \"Job\",\n  \"spec\": {\n    \"progress\": 0,\n    \"status\": \"running\",\n    \"tasks\": [\n      {\n        \"index\": 1,\n        \"name\": \"upgrade\",\n        \"status\": \"init\",\n        \"detail\": \"\",\n        \"created_at\": \"2023-02-16T11:24:07.950175Z\",\n        \"updated_at\": \"2023-02-16T11:24:07.950175Z\"\n      }\n    ]\n  }\n}";

        [Fact]
        public void The_CAE_example_reads_as_a_running_job_under_the_id_asked_for_with_its_task()
        {
            CloudJobService service = CloudJobServices.Find("CAE")!;
            var origin = new CloudJobResponseParser.Origin("09bb24e6fe80d23d2fa2c010b53b418c", "cn-north-4", new Uri("https://example.invalid"), null, DateTimeOffset.UnixEpoch, null, service.OwnerKind, "0f3c5b4a-2d1e-4f6a-9b8c-7d6e5f4a3b2c");
            var notes = new List<string>();

            CloudJob? job = CloudJobResponseParser.Parse(service, CaeExample, "asked-for", origin, notes, out string? problem);

            Assert.True(job != null, problem);
            Assert.Empty(notes);
            Assert.Equal("asked-for", job!.Id);
            Assert.Equal(CloudJobStatus.Running, job.Status);
            Assert.Equal("0f3c5b4a-2d1e-4f6a-9b8c-7d6e5f4a3b2c", job.EnvironmentId);
            CloudJob task = Assert.Single(job.SubJobs);
            Assert.Equal("1", task.Id);
            Assert.Equal("upgrade", task.JobType);
            Assert.Equal(CloudJobStatus.Running, task.Status);
            Assert.Equal(new DateTimeOffset(2023, 2, 16, 11, 24, 7, TimeSpan.Zero).AddTicks(9501750), task.BeginTime);
        }

        public static IEnumerable<object[]> Examples() =>
            Directory.GetFiles(Folder, "*.json").Select(f => new object[] { Path.GetFileNameWithoutExtension(f) });

        public static IEnumerable<object[]> Services() => CloudJobServices.All.Select(s => new object[] { s.Name });

        [Theory]
        [MemberData(nameof(Services))]
        public void Every_catalog_service_has_its_vendor_example_or_says_where_it_is(string name)
        {
            bool file = File.Exists(Path.Combine(Folder, name.ToLowerInvariant() + ".json"));
            Assert.True(file || ExampleElsewhere.Contains(name), $"{name} has no VendorExamples/{name.ToLowerInvariant()}.json: add the vendor's example answer, verbatim.");
        }

        [Theory]
        [MemberData(nameof(Examples))]
        public void The_vendor_example_reads_as_a_finished_job(string file)
        {
            CloudJobService service = CloudJobServices.All.Single(s => string.Equals(s.Name, file, StringComparison.OrdinalIgnoreCase));
            string body = File.ReadAllText(Path.Combine(Folder, file + ".json"));
            var notes = new List<string>();
            var origin = new CloudJobResponseParser.Origin("09bb24e6fe80d23d2fa2c010b53b418c", "cn-north-4", new Uri("https://example.invalid"), null, DateTimeOffset.UnixEpoch, "0a1b2c3d4e5f60718293a4b5c6d7e8f9", service.OwnerKind, service.Owner == null ? null : "owner-1");

            CloudJob? job = CloudJobResponseParser.Parse(service, body, "asked-for", origin, notes, out string? problem);

            Assert.True(job != null, problem);
            Assert.Empty(notes);
            Assert.True(job!.Status == CloudJobStatus.Success || job.Status == CloudJobStatus.Failed, $"{file}: '{job.RawStatus}' is {job.Status}");
            Assert.False(string.IsNullOrEmpty(job.RawStatus));
            if (service.Shape.Id.Count > 0)
            {
                Assert.NotEqual("asked-for", job.Id);
            }

            if (service.Shape.BeginTime.Count > 0)
            {
                Assert.NotNull(job.BeginTime);
            }

            if (service.Shape.EndTime.Count > 0)
            {
                Assert.NotNull(job.EndTime);
                Assert.True(job.EndTime >= job.BeginTime, $"{file}: ends {job.EndTime} before it begins {job.BeginTime}");
            }

            foreach (CloudJob sub in job.SubJobs)
            {
                Assert.NotEqual(CloudJobStatus.Unknown, sub.Status);
            }
        }
    }
}
