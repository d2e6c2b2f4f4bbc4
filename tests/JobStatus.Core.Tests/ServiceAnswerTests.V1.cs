using System;
using JobStatus.Parsing;
using JobStatus.Services;

namespace JobStatus.Tests
{
    /// <summary>
    /// The v1 job API (GET /v1/{project_id}/jobs/{job_id}) of ECS, BMS, EVS, IMS and VPC, and DCS's v2
    /// one: the vendor's own example answers, verbatim (docs/Services.md cites each).
    /// </summary>
    public partial class ServiceAnswerTests
    {
        // ECS ShowJob, the example of the API page (as exported in opentelekomcloud-docs/doc-exports).
        private const string EcsExample =
            "{\"status\":\"SUCCESS\",\"entities\":{\"sub_jobs_total\":1,\"sub_jobs\":[{\"status\":\"SUCCESS\",\"entities\":{\"server_id\":\"bae51750-0089-41a1-9b18-5c777978ff6d\"},\"job_id\":\"2c9eb2c5544cbf6101544f0635672b60\",\"job_type\":\"createSingleServer\",\"begin_time\":\"2016-04-25T20:04:47.591Z\",\"end_time\":\"2016-04-25T20:08:21.328Z\",\"error_code\":null,\"fail_reason\":null}]},\"job_id\":\"2c9eb2c5544cbf6101544f0602af2b4f\",\"job_type\":\"createServer\",\"begin_time\":\"2016-04-25T20:04:34.604Z\",\"end_time\":\"2016-04-25T20:08:41.593Z\",\"error_code\":null,\"fail_reason\":null}";

        // BMS ShowJobInfos, the example of the API definition (keys sorted as stored).
        private const string BmsExample =
            "{\"begin_time\":\"2019-04-25T20:04:34.604Z\",\"end_time\":\"2019-04-25T20:08:41.593Z\",\"entities\":{\"sub_jobs\":[{\"begin_time\":\"2019-04-25T20:04:47.591Z\",\"end_time\":\"2019-04-25T20:08:21.328Z\",\"entities\":{\"server_id\":\"bae51750-0089-41a1-9b18-5c777978ff6d\"},\"error_code\":null,\"fail_reason\":null,\"job_id\":\"2c9eb2c5544cbf6101544f0635672b60\",\"job_type\":\"baremetalSingleCreate\",\"status\":\"SUCCESS\"}],\"sub_jobs_total\":1},\"error_code\":null,\"fail_reason\":null,\"job_id\":\"2c9eb2c5544cbf6101544f0602af2b4f\",\"job_type\":\"baremetalBatchCreate\",\"status\":\"SUCCESS\"}";

        // EVS ShowJob, the example of the API definition: a running job, end_time "".
        private const string EvsExample =
            "{\"begin_time\":\"2016-03-08T07:40:13.219Z\",\"end_time\":\"\",\"entities\":{\"volume_id\":\"bdf1bb37-f20f-4266-9a04-f43e0a127376\"},\"error_code\":null,\"fail_reason\":null,\"job_id\":\"4010a32d535527910153552b492c0002\",\"job_type\":\"createVolume\",\"status\":\"RUNNING\"}";

        // IMS ShowJob, the imsImportImageJob example of the API page.
        private const string ImsExample =
            "{\"job_id\":\"9a175ac892fa1342019300224f22218e\",\"job_type\":\"imsImportImageJob\",\"begin_time\":\"2024-11-06T06:21:08.769Z\",\"end_time\":\"2024-11-06T06:27:03.742Z\",\"status\":\"SUCCESS\",\"error_code\":null,\"fail_reason\":null,\"entities\":{\"image_name\":\"test\",\"image_id\":\"431df7fd-a898-4dc0-86b1-22cfefb8a517\"}}";

        // EIP ShowResourcesJobDetail (the VPC host), the example of the API page.
        private const string VpcExample =
            "{\"job_id\":\"ff808082843684110184e155fdb36461\",\"job_type\":\"createBatchPublicip\",\"begin_time\":\"2022-12-05T08:10:19.951Z\",\"end_time\":\"2022-12-05T08:10:21.864Z\",\"status\":\"SUCCESS\",\"error_code\":null,\"fail_reason\":null,\"entities\":{\"sub_jobs\":[]}}";

        // DCS ShowJobInfo, the example of the API definition, with its typo fail_resson.
        private const string DcsExample =
            "{\"begin_time\":\"1684191545379\",\"end_time\":\"1684191548248\",\"fail_resson\":null,\"job_id\":\"ff8080818822bbf70188235afc24141a\",\"job_type\":\"masterStandbySwapJob\",\"status\":\"SUCCESS\"}";

        [Fact]
        public void ECS_reads_its_example_with_the_server_of_its_sub_job()
        {
            CloudJob job = Read("ECS", EcsExample);

            Assert.Equal("ECS", job.Service);
            Assert.Equal("2c9eb2c5544cbf6101544f0602af2b4f", job.Id);
            Assert.Equal(CloudJobStatus.Success, job.Status);
            Assert.Equal("createServer", job.JobType);
            Assert.Equal(new DateTimeOffset(2016, 4, 25, 20, 4, 34, 604, TimeSpan.Zero), job.BeginTime);
            Assert.Equal(new DateTimeOffset(2016, 4, 25, 20, 8, 41, 593, TimeSpan.Zero), job.EndTime);
            Assert.Null(job.ErrorCode);
            Assert.Null(job.ErrorMessage);
            CloudJob sub = Assert.Single(job.SubJobs);
            Assert.Equal("2c9eb2c5544cbf6101544f0635672b60", sub.Id);
            Assert.Equal("ECS", sub.Service);
            Assert.Equal("createSingleServer", sub.JobType);
            Assert.Equal(CloudJobStatus.Success, sub.Status);
            Assert.Equal(new[] { "bae51750-0089-41a1-9b18-5c777978ff6d" }, sub.ResourceIds);
            Assert.Equal(new[] { "bae51750-0089-41a1-9b18-5c777978ff6d" }, job.ResourceIds);
            Assert.Empty(_notes);
        }

        [Fact]
        public void BMS_reads_its_example()
        {
            CloudJob job = Read("BMS", BmsExample);

            Assert.Equal(CloudJobStatus.Success, job.Status);
            Assert.Equal("baremetalBatchCreate", job.JobType);
            Assert.Equal("baremetalSingleCreate", Assert.Single(job.SubJobs).JobType);
            Assert.Equal(new[] { "bae51750-0089-41a1-9b18-5c777978ff6d" }, job.ResourceIds);
            Assert.Empty(_notes);
        }

        [Fact]
        public void EVS_reads_its_running_example_with_an_empty_end_time_and_its_volume()
        {
            CloudJob job = Read("EVS", EvsExample);

            Assert.Equal(CloudJobStatus.Running, job.Status);
            Assert.False(job.IsFinished);
            Assert.Null(job.EndTime);
            Assert.Equal("createVolume", job.JobType);
            Assert.Equal(new[] { "bdf1bb37-f20f-4266-9a04-f43e0a127376" }, job.ResourceIds);
            Assert.Empty(job.SubJobs);
            Assert.Empty(_notes);
        }

        [Fact]
        public void IMS_reads_its_example_with_its_image()
        {
            CloudJob job = Read("IMS", ImsExample);

            Assert.Equal(CloudJobStatus.Success, job.Status);
            Assert.Equal("imsImportImageJob", job.JobType);
            Assert.Equal(new[] { "431df7fd-a898-4dc0-86b1-22cfefb8a517" }, job.ResourceIds);
            Assert.Empty(_notes);
        }

        [Fact]
        public void IMS_reads_sub_jobs_result_batch_results_and_the_failure_in_its_entities()
        {
            CloudJob job = Read(
                "IMS",
                "{\"job_id\":\"j\",\"status\":\"FAIL\",\"error_code\":null,\"fail_reason\":null,\"entities\":{\"error_code\":\"IMG.0141\",\"error\":\"the image file is broken\","
                + "\"results\":[{\"image_id\":\"img-a\",\"project_id\":\"p\",\"status\":\"SUCCESS\"}],"
                + "\"sub_jobs_result\":[{\"job_id\":\"s1\",\"status\":\"FAIL\",\"fail_reason\":\"no space\",\"entities\":{\"image_id\":\"img-b\"}}]}}");

            Assert.Equal(CloudJobStatus.Failed, job.Status);
            Assert.Equal("IMG.0141", job.ErrorCode);
            Assert.Equal("the image file is broken", job.ErrorMessage);
            CloudJob sub = Assert.Single(job.SubJobs);
            Assert.Equal(CloudJobStatus.Failed, sub.Status);
            Assert.Equal("no space", sub.ErrorMessage);
            Assert.Equal(new[] { "img-a", "img-b" }, job.ResourceIds);
        }

        [Fact]
        public void VPC_reads_the_EIP_example_with_an_empty_sub_job_list()
        {
            CloudJob job = Read("VPC", VpcExample);

            Assert.Equal(CloudJobStatus.Success, job.Status);
            Assert.Equal("createBatchPublicip", job.JobType);
            Assert.Equal(new DateTimeOffset(2022, 12, 5, 8, 10, 21, 864, TimeSpan.Zero), job.EndTime);
            Assert.Empty(job.SubJobs);
            Assert.Empty(job.ResourceIds);
            Assert.Empty(_notes);
        }

        [Fact]
        public void DCS_reads_its_example_with_epoch_milliseconds_in_strings()
        {
            CloudJob job = Read("DCS", DcsExample);

            Assert.Equal(CloudJobStatus.Success, job.Status);
            Assert.Equal("masterStandbySwapJob", job.JobType);
            Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1684191545379), job.BeginTime);
            Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1684191548248), job.EndTime);
            Assert.Null(job.ErrorMessage);
            Assert.Empty(_notes);
        }

        [Theory]
        [InlineData("DCS", "{\"job_id\":\"j\",\"status\":\"FAIL\",\"fail_reason\":\"the node is busy\"}")]
        [InlineData("DCS", "{\"job_id\":\"j\",\"status\":\"FAIL\",\"fail_resson\":\"the node is busy\"}")]
        [InlineData("ECS", "{\"job_id\":\"j\",\"status\":\"FAIL\",\"fail_reason\":\"the node is busy\",\"entities\":{}}")]
        public void A_failure_reason_is_read_however_the_vendor_spells_it(string service, string body)
        {
            CloudJob job = Read(service, body);

            Assert.Equal(CloudJobStatus.Failed, job.Status);
            Assert.Equal("the node is busy", job.ErrorMessage);
        }

        [Fact]
        public void An_ECS_sub_job_that_failed_tells_why_in_its_entities_when_fail_reason_is_null()
        {
            CloudJob job = Read(
                "ECS",
                "{\"job_id\":\"j\",\"status\":\"RUNNING\",\"end_time\":\"\",\"entities\":{\"sub_jobs_total\":2,\"sub_jobs\":["
                + "{\"job_id\":\"s1\",\"status\":\"FAIL\",\"error_code\":\"Ecs.0013\",\"fail_reason\":null,\"entities\":{\"server_id\":\"srv-1\",\"errorcode_message\":\"insufficient EIP quota\"}},"
                + "{\"job_id\":\"s2\",\"status\":\"INIT\",\"entities\":{}}]}}");

            Assert.Equal(CloudJobStatus.Running, job.Status);
            Assert.Null(job.EndTime);
            Assert.Equal(CloudJobStatus.Failed, job.SubJobs[0].Status);
            Assert.Equal("Ecs.0013", job.SubJobs[0].ErrorCode);
            Assert.Equal("insufficient EIP quota", job.SubJobs[0].ErrorMessage);
            Assert.Equal(CloudJobStatus.Running, job.SubJobs[1].Status);
            Assert.Equal(new[] { "srv-1" }, job.ResourceIds);
        }

        [Theory]
        [InlineData("ECS", "INIT", CloudJobStatus.Running)]
        [InlineData("ECS", "PENDING_PAYMENT", CloudJobStatus.Running)]
        [InlineData("BMS", "PENDING_PAYMENT", CloudJobStatus.Running)]
        [InlineData("EVS", "PENDING_PAYMENT", CloudJobStatus.Unknown)]
        [InlineData("IMS", "FAIL", CloudJobStatus.Failed)]
        [InlineData("VPC", "SUCCESS", CloudJobStatus.Success)]
        [InlineData("DCS", "INIT", CloudJobStatus.Running)]
        [InlineData("DCS", "Completed", CloudJobStatus.Unknown)]
        [InlineData("EVS", "COMPLETE", CloudJobStatus.Unknown)]
        public void The_v1_family_maps_only_its_own_words(string service, string word, CloudJobStatus expected) =>
            Assert.Equal(expected, CloudJobServices.Find(service)!.Statuses.Parse(word));
    }
}
