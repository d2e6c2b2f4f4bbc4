using System;
using System.Collections.Generic;
using System.Linq;
using JobStatus.Parsing;
using JobStatus.Services;

namespace JobStatus.Tests
{
    /// <summary>
    /// Each service's job answer as the vendor's API pages and SDK examples show it (verbatim, cited in
    /// docs/Services.md), read into the one job object every service shares.
    /// </summary>
    public partial class ServiceAnswerTests
    {
        private const string ProjectId = "09bb24e6fe80d23d2fa2c010b53b418c";
        private static readonly Uri Endpoint = new Uri("http://127.0.0.1:5000");
        private static readonly DateTimeOffset Retrieved = new DateTimeOffset(2024, 3, 23, 9, 0, 0, TimeSpan.Zero);

        private readonly List<string> _notes = new List<string>();

        // RDS ListJobInfo, the example of the API definition (entities.resource_id, as the example spells it).
        private const string RdsExample =
            "{\"job\":{\"created\":\"2018-08-06T10:41:14+0800\",\"ended\":\"2018-08-06T16:41:14+0000\",\"entities\":{\"instance\":{\"datastore\":{\"type\":\"mysql\",\"version\":\"5.7\"},\"endpoint\":\"192.168.1.203:3306\",\"type\":\"Single\"},\"resource_id\":[\"a48e43ff268f4c0e879652d65e63d0fbin01.vm\",\"a48e43ff268f4c0e879652d65e63d0fbin01.volume\"]},\"id\":\"31b8ae23-c687-4d80-b7b4-42a66c9bb886\",\"instance\":{\"id\":\"a48e43ff268f4c0e879652d65e63d0fbin01\",\"name\":\"DO-NOT-TOUCH-mgr2-mysql-single\"},\"name\":\"CreateMysqlSingleHAInstance\",\"process\":\"\",\"status\":\"Completed\"}}";

        // GaussDB for MySQL ShowGaussMySqlJobInfo, the example of the API definition (entities.resource_ids).
        private const string GaussDbExample =
            "{\"job\":{\"created\":\"2018-08-06T10:41:14+0800\",\"ended\":\"2018-08-06T16:41:14+0000\",\"entities\":{\"instance\":{\"datastore\":{\"type\":\"gaussdb-mysql\",\"version\":\"8.0\"},\"endpoint\":\"192.168.1.203:3306\",\"type\":\"Cluster\"},\"resource_ids\":[\"a48e43ff268f4c0e879652d65e63d0fbin07.vm\",\"a48e43ff268f4c0e879652d65e63d0fbin07.volume\"]},\"id\":\"31b8ae23-c687-4d80-b7b4-42a66c9bb886\",\"instance\":{\"id\":\"a48e43ff268f4c0e879652d65e63d0fbin07\",\"name\":\"DO-NOT-TOUCH-mgr2-mysql-single\"},\"name\":\"CreateGaussDBforMySQLInstance\",\"process\":\"\",\"status\":\"Completed\"}}";

        // DDS ShowJobDetail, the example of the API definition (fail_reason null).
        private const string DdsExample =
            "{\"job\":{\"created\":\"2021-07-12T09:22:04+0000\",\"ended\":\"2021-07-12T10:10:13+0000\",\"fail_reason\":null,\"id\":\"f85104b5-4a9c-4e0f-9505-fc5409d8f7ae\",\"instance\":{\"id\":\"d87f5b33049144ec95f0cab0a5f22cfbin02\",\"name\":\"dds-5ff4\"},\"name\":\"Create_MongoDB\",\"progress\":\"100%\",\"status\":\"Completed\"}}";

        // CCE ShowJob, the example of the API definition: the parent runs, its two sub-jobs have succeeded.
        private const string CceExample =
            "{\"apiVersion\":\"v3\",\"kind\":\"Job\",\"metadata\":{\"creationTimestamp\":\"2018-08-02 08:12:40.672772389 +0000 UTC\",\"uid\":\"354331b2c-229a-11e8-9c75-0255ac100ceb\",\"updateTimestamp\":\"2018-08-02 08:21:50.478108569 +0000 UTC\"},\"spec\":{\"clusterUID\":\"4d1ecb2c-229a-11e8-9c75-0255ac100ceb\",\"extendParam\":{\"serverID\":\"bc467e3a-2338-11e8-825b-0255ac100c13\"},\"resourceID\":\"6f4dcb2c-229a-11e8-9c75-0255ac100ceb\",\"resourceName\":\"cluster-name\",\"subJobs\":[{\"apiVersion\":\"v3\",\"kind\":\"Job\",\"metadata\":{\"creationTimestamp\":\"2018-08-02 03:52:34.615819618 +0000 UTC\",\"uid\":\"fd474fab-9606-11e8-baa9-0255ac10215d\",\"updateTimestamp\":\"2018-08-02 04:05:29.196243031 +0000 UTC\"},\"spec\":{\"clusterUID\":\"fcc72de0-9606-11e8-baa8-0255ac10215d\",\"extendParam\":{\"serverID\":\"fd3b4ac0-9606-11e8-baa8-0255ac10215d\"},\"resourceID\":\"fd3b4ac0-9606-11e8-baa8-0255ac10215d\",\"type\":\"InstallMaster\"},\"status\":{\"phase\":\"Success\"}},{\"apiVersion\":\"v3\",\"kind\":\"Job\",\"metadata\":{\"creationTimestamp\":\"2018-08-02 03:52:33.859150791 +0000 UTC\",\"uid\":\"fd474f82-9606-11e8-baa8-0255ac10215d\",\"updateTimestamp\":\"2018-08-02 03:52:34.615655429 +0000 UTC\"},\"spec\":{\"clusterUID\":\"fcc72de0-9606-11e8-baa8-0255ac10215d\",\"type\":\"CreatePSMCert\"},\"status\":{\"phase\":\"Success\"}}],\"type\":\"CreateCluster\"},\"status\":{\"phase\":\"Running\",\"reason\":\"\"}}";

        // ELB v3 ShowJob, the example of the API definition: COMPLETE with three SUCCESS sub-jobs.
        private const string ElbExample =
            "{\"job\":{\"begin_time\":\"2024-03-23T08:20:42Z\",\"end_time\":\"2024-03-23T08:49:11Z\",\"error_code\":\"\",\"error_msg\":\"\",\"job_id\":\"ef6da45b-35d9-4c18-8c35-0b80d94ab9e6\",\"job_type\":\"UPGRADE\",\"project_id\":\"7b7705dce1e847b08b3b16dda67fec24\",\"resource_id\":\"9f5b432c-987e-4777-a1bc-6642be4b2b50\",\"status\":\"COMPLETE\",\"sub_jobs\":[{\"begin_time\":\"2024-03-23T08:47:11Z\",\"end_time\":\"2024-03-23T08:47:11Z\",\"entities\":[{\"resource_id\":\"9f5b432c-987e-4777-a1bc-6642be4b2b50\",\"resource_type\":\"loadbalancer\"}],\"error_code\":\"\",\"error_msg\":\"\",\"job_id\":\"481a5ab3-b3ff-46fa-b074-d3b8e09ab9cb\",\"job_type\":\"UPGRADE_TRAFFIC_SWITCH\",\"project_id\":\"7b7705dce1e847b08b3b16dda67fec24\",\"resource_id\":\"9f5b432c-987e-4777-a1bc-6642be4b2b50\",\"status\":\"SUCCESS\"},{\"begin_time\":\"2024-03-23T08:20:42Z\",\"end_time\":\"2024-03-23T08:46:44Z\",\"entities\":[{\"resource_id\":\"9f5b432c-987e-4777-a1bc-6642be4b2b50\",\"resource_type\":\"loadbalancer\"}],\"error_code\":\"\",\"error_msg\":\"\",\"job_id\":\"c4cf4e5b-fa53-427d-ad43-497e7a876c2e\",\"job_type\":\"UPGRADE_INIT\",\"project_id\":\"7b7705dce1e847b08b3b16dda67fec24\",\"resource_id\":\"9f5b432c-987e-4777-a1bc-6642be4b2b50\",\"status\":\"SUCCESS\"},{\"begin_time\":\"2024-03-23T08:49:11Z\",\"end_time\":\"2024-03-23T08:49:11Z\",\"entities\":[{\"resource_id\":\"9f5b432c-987e-4777-a1bc-6642be4b2b50\",\"resource_type\":\"loadbalancer\"}],\"error_code\":\"\",\"error_msg\":\"\",\"job_id\":\"ee56e027-5d52-4bd9-abba-9821a742a466\",\"job_type\":\"UPGRADE_COMPLETE\",\"project_id\":\"7b7705dce1e847b08b3b16dda67fec24\",\"resource_id\":\"9f5b432c-987e-4777-a1bc-6642be4b2b50\",\"status\":\"SUCCESS\"}]},\"request_id\":\"39551f69-3c49-4200-8ad3-73f9a8b4a3e4\"}";

        [Fact]
        public void RDS_reads_its_example()
        {
            CloudJob job = Read("RDS", RdsExample);

            Assert.Equal("RDS", job.Service);
            Assert.Equal("31b8ae23-c687-4d80-b7b4-42a66c9bb886", job.Id);
            Assert.Equal(CloudJobStatus.Success, job.Status);
            Assert.Equal("Completed", job.RawStatus);
            Assert.Equal("CreateMysqlSingleHAInstance", job.JobType);
            Assert.Equal(new DateTimeOffset(2018, 8, 6, 2, 41, 14, TimeSpan.Zero), job.BeginTime);
            Assert.Equal(new DateTimeOffset(2018, 8, 6, 16, 41, 14, TimeSpan.Zero), job.EndTime);
            Assert.Equal(new[] { "a48e43ff268f4c0e879652d65e63d0fbin01", "a48e43ff268f4c0e879652d65e63d0fbin01.vm", "a48e43ff268f4c0e879652d65e63d0fbin01.volume" }, job.ResourceIds);
            Assert.Empty(job.SubJobs);
            Assert.Null(job.ErrorMessage);
            Assert.Empty(_notes);
        }

        [Fact]
        public void GaussDB_reads_its_example_with_resource_ids_spelt_as_its_table_says()
        {
            CloudJob job = Read("GaussDB", GaussDbExample);

            Assert.Equal(CloudJobStatus.Success, job.Status);
            Assert.Equal("CreateGaussDBforMySQLInstance", job.JobType);
            Assert.Equal(new[] { "a48e43ff268f4c0e879652d65e63d0fbin07", "a48e43ff268f4c0e879652d65e63d0fbin07.vm", "a48e43ff268f4c0e879652d65e63d0fbin07.volume" }, job.ResourceIds);
        }

        [Fact]
        public void DDS_reads_its_example_with_a_null_fail_reason()
        {
            CloudJob job = Read("DDS", DdsExample);

            Assert.Equal(CloudJobStatus.Success, job.Status);
            Assert.Equal("Create_MongoDB", job.JobType);
            Assert.Equal(new DateTimeOffset(2021, 7, 12, 10, 10, 13, TimeSpan.Zero), job.EndTime);
            Assert.Equal(new[] { "d87f5b33049144ec95f0cab0a5f22cfbin02" }, job.ResourceIds);
            Assert.Null(job.ErrorMessage);
            Assert.Empty(_notes);
        }

        [Theory]
        [InlineData("RDS", "Running", CloudJobStatus.Running)]
        [InlineData("RDS", "Failed", CloudJobStatus.Failed)]
        [InlineData("GaussDB", "Pending", CloudJobStatus.Running)]
        [InlineData("GaussDB", "Unauthorized", CloudJobStatus.Running)]
        [InlineData("GaussDB", "Canceled", CloudJobStatus.Failed)]
        [InlineData("DDS", "Running", CloudJobStatus.Running)]
        [InlineData("DDS", "Success", CloudJobStatus.Unknown)]
        [InlineData("RDS", "SUCCESS", CloudJobStatus.Unknown)]
        public void Database_services_map_their_own_words(string service, string word, CloudJobStatus expected)
        {
            string body = $"{{\"job\":{{\"id\":\"j\",\"name\":\"CreateMysqlInstance\",\"status\":\"{word}\",\"created\":\"2018-08-06T10:41:14+0800\",\"ended\":\"\",\"instance\":{{\"id\":\"i\",\"name\":\"n\"}},\"fail_reason\":\"quota exceeded\"}}}}";

            CloudJob job = Read(service, body);

            Assert.Equal(expected, job.Status);
            Assert.Equal(word, job.RawStatus);
            Assert.Null(job.EndTime);
            Assert.Equal("quota exceeded", job.ErrorMessage);
            Assert.Empty(_notes);
        }

        [Fact]
        public void CCE_reads_its_example_running_parent_with_finished_sub_jobs()
        {
            CloudJob job = Read("CCE", CceExample);

            Assert.Equal("354331b2c-229a-11e8-9c75-0255ac100ceb", job.Id);
            Assert.Equal(CloudJobStatus.Running, job.Status);
            Assert.Equal("CreateCluster", job.JobType);
            Assert.Equal(new DateTimeOffset(2018, 8, 2, 8, 12, 40, TimeSpan.Zero).AddTicks(6727723), job.BeginTime);
            Assert.Null(job.EndTime);
            Assert.Null(job.ErrorMessage);
            Assert.Equal(2, job.SubJobs.Count);
            CloudJob master = job.SubJobs[0];
            Assert.Equal("fd474fab-9606-11e8-baa9-0255ac10215d", master.Id);
            Assert.Equal(CloudJobStatus.Success, master.Status);
            Assert.Equal("InstallMaster", master.JobType);
            Assert.Equal(new DateTimeOffset(2018, 8, 2, 4, 5, 29, TimeSpan.Zero).AddTicks(1962430), master.EndTime);
            Assert.Equal("CCE", master.Service);
            Assert.Equal(ProjectId, master.ProjectId);
            Assert.Equal(
                new[] { "6f4dcb2c-229a-11e8-9c75-0255ac100ceb", "4d1ecb2c-229a-11e8-9c75-0255ac100ceb", "fd3b4ac0-9606-11e8-baa8-0255ac10215d", "fcc72de0-9606-11e8-baa8-0255ac10215d" },
                job.ResourceIds);
            Assert.Empty(_notes);
        }

        [Fact]
        public void CCE_takes_the_last_update_of_a_finished_job_as_its_end_and_status_reason_as_its_error()
        {
            string body = "{\"kind\":\"Job\",\"apiVersion\":\"v3\",\"metadata\":{\"uid\":\"j\",\"creationTimestamp\":\"2018-08-02 08:12:40.672772389 +0000 UTC\",\"updateTimestamp\":\"2018-08-02 08:21:50.478108569 +0000 UTC\"},"
                + "\"spec\":{\"type\":\"CreateNode\",\"subJobs\":[{\"kind\":\"Job\",\"metadata\":{\"uid\":\"s1\"},\"spec\":{\"type\":\"InstallNode\",\"resourceID\":\"node-1\"},\"status\":{\"phase\":\"Failed\",\"reason\":\"node install timed out\"}}]},"
                + "\"status\":{\"phase\":\"Failed\",\"reason\":\"sub-job failed\"}}";

            CloudJob job = Read("CCE", body);

            Assert.Equal(CloudJobStatus.Failed, job.Status);
            Assert.Equal(new DateTimeOffset(2018, 8, 2, 8, 21, 50, TimeSpan.Zero).AddTicks(4781085), job.EndTime);
            Assert.Equal("sub-job failed", job.ErrorMessage);
            Assert.Equal("node install timed out", Assert.Single(job.SubJobs).ErrorMessage);
            Assert.Equal(new[] { "node-1" }, job.ResourceIds);
        }

        [Fact]
        public void ELB_reads_its_example_with_entities_as_a_list()
        {
            CloudJob job = Read("ELB", ElbExample);

            Assert.Equal("ef6da45b-35d9-4c18-8c35-0b80d94ab9e6", job.Id);
            Assert.Equal(CloudJobStatus.Success, job.Status);
            Assert.Equal("COMPLETE", job.RawStatus);
            Assert.Equal("UPGRADE", job.JobType);
            Assert.Equal(TimeSpan.FromSeconds(1709), job.Duration);
            Assert.Null(job.ErrorCode);
            Assert.Null(job.ErrorMessage);
            Assert.Equal(new[] { "UPGRADE_TRAFFIC_SWITCH", "UPGRADE_INIT", "UPGRADE_COMPLETE" }, job.SubJobs.Select(s => s.JobType));
            Assert.All(job.SubJobs, s => Assert.Equal(CloudJobStatus.Success, s.Status));
            Assert.Equal(new[] { "9f5b432c-987e-4777-a1bc-6642be4b2b50" }, job.ResourceIds);
            Assert.Empty(_notes);
        }

        [Theory]
        [InlineData("INIT", CloudJobStatus.Running)]
        [InlineData("ROLLBACKING", CloudJobStatus.Running)]
        [InlineData("ROLLBACK_FAIL", CloudJobStatus.Failed)]
        [InlineData("CANCEL", CloudJobStatus.Failed)]
        [InlineData("SUCCESS", CloudJobStatus.Success)]
        public void ELB_maps_every_word_of_its_SDK_enum(string word, CloudJobStatus expected) =>
            Assert.Equal(expected, Read("ELB", $"{{\"job\":{{\"job_id\":\"j\",\"status\":\"{word}\"}}}}").Status);

        [Fact]
        public void A_sub_job_failing_while_the_parent_runs_keeps_its_own_error()
        {
            string body = "{\"job\":{\"job_id\":\"j\",\"status\":\"RUNNING\",\"begin_time\":\"2024-03-23T08:20:42Z\",\"sub_jobs\":["
                + "{\"job_id\":\"s1\",\"status\":\"FAIL\",\"error_code\":\"ELB.8902\",\"error_msg\":\"listener quota\",\"resource_id\":\"lb-1\"},"
                + "{\"job_id\":\"s2\",\"status\":\"RUNNING\"}]}}";

            CloudJob job = Read("ELB", body);

            Assert.Equal(CloudJobStatus.Running, job.Status);
            Assert.False(job.IsFinished);
            CloudJob failed = job.SubJobs[0];
            Assert.Equal(CloudJobStatus.Failed, failed.Status);
            Assert.Equal("ELB.8902", failed.ErrorCode);
            Assert.Equal("listener quota", failed.ErrorMessage);
            Assert.Equal(CloudJobStatus.Running, job.SubJobs[1].Status);
        }

        [Fact]
        public void A_sub_job_without_a_status_is_left_out_with_a_note_and_the_job_is_still_read()
        {
            CloudJob job = Read("ELB", "{\"job\":{\"job_id\":\"j\",\"status\":\"RUNNING\",\"sub_jobs\":[{\"job_id\":\"s1\"},42,{\"job_id\":\"s3\",\"status\":\"INIT\"}]}}");

            Assert.Equal(new[] { "s3" }, job.SubJobs.Select(s => s.Id));
            Assert.Equal(2, _notes.Count);
        }

        [Fact]
        public void Sub_jobs_that_are_not_a_list_give_a_note()
        {
            CloudJob job = Read("CCE", "{\"metadata\":{\"uid\":\"j\"},\"spec\":{\"subJobs\":\"none\"},\"status\":{\"phase\":\"Running\"}}");

            Assert.Empty(job.SubJobs);
            Assert.Single(_notes);
        }

        [Theory]
        [InlineData("RDS", "{\"error_code\":\"DBS.200001\",\"error_msg\":\"bad\"}", "no 'job' object (the service said DBS.200001: bad)")]
        [InlineData("CCE", "{\"kind\":\"Job\",\"metadata\":{\"uid\":\"j\"}}", "the answer has no 'status.phase'")]
        [InlineData("ELB", "{\"job\":{\"job_id\":\"j\"}}", "the answer's 'job' object has no 'status'")]
        [InlineData("CCE", "[]", "not JSON")]
        public void An_answer_in_another_shape_is_not_a_job(string service, string body, string expected)
        {
            CloudJob? job = CloudJobResponseParser.Parse(CloudJobServices.Find(service)!, body, "j", Origin, _notes, out string? problem);

            Assert.Null(job);
            Assert.Contains(expected, problem);
        }

        private static CloudJobResponseParser.Origin Origin => new CloudJobResponseParser.Origin(ProjectId, "cn-north-4", Endpoint, "req-1", Retrieved);

        private CloudJob Read(string service, string body)
        {
            CloudJob? job = CloudJobResponseParser.Parse(CloudJobServices.Find(service)!, body, "asked-for", Origin, _notes, out string? problem);
            Assert.True(job != null, problem);
            return job!;
        }
    }
}
