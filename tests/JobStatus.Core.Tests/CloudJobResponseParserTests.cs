using System;
using System.Collections.Generic;
using JobStatus.Parsing;

namespace JobStatus.Tests
{
    public class CloudJobResponseParserTests
    {
        private const string JobId = "f588ce71-e26c-400d-8981-f854355f6849";
        private const string ProjectId = "09bb24e6fe80d23d2fa2c010b53b418c";

        // The example answer of the API page, verbatim.
        private const string PageExample =
            "{ \"data\" : { \"begin_time\" : 1641370501000, \"end_time\" : 1641370515000,\n"
            + "             \"id\" : \"f588ce71-e26c-400d-8981-f854355f6849\", \"status\" : \"Success\" } }";

        private static readonly DateTimeOffset Began = new DateTimeOffset(2022, 1, 5, 8, 15, 1, TimeSpan.Zero);
        private static readonly DateTimeOffset Retrieved = new DateTimeOffset(2022, 1, 5, 8, 16, 1, TimeSpan.Zero);
        private static readonly Uri Endpoint = new Uri("https://cfw.cn-north-4.myhuaweicloud.com");

        private readonly List<string> _notes = new List<string>();

        [Fact]
        public void Reads_the_example_of_the_API_page()
        {
            CloudJob? job = Parse(PageExample, out string? problem);

            Assert.Null(problem);
            Assert.NotNull(job);
            Assert.Equal(JobId, job!.Id);
            Assert.Equal(CloudJobStatus.Success, job.Status);
            Assert.Equal("Success", job.RawStatus);
            Assert.Equal(Began, job.BeginTime);
            Assert.Equal(new DateTimeOffset(2022, 1, 5, 8, 15, 15, TimeSpan.Zero), job.EndTime);
            Assert.Equal(TimeSpan.FromSeconds(14), job.Duration);
            Assert.True(job.IsFinished);
            Assert.Null(job.ErrorCode);
            Assert.Null(job.ErrorMessage);
            Assert.Empty(_notes);
        }

        [Fact]
        public void Copies_where_the_job_was_read_from()
        {
            CloudJob job = Parse(PageExample, out _)!;

            Assert.Equal(ProjectId, job.ProjectId);
            Assert.Equal("cn-north-4", job.Region);
            Assert.Equal(Endpoint, job.Endpoint);
            Assert.Equal("req-42", job.RequestId);
            Assert.Equal(Retrieved, job.RetrievedAt);
        }

        [Theory]
        [InlineData("")]
        [InlineData(", \"end_time\": null")]
        [InlineData(", \"end_time\": \"\"")]
        public void A_running_job_may_have_no_end_time(string endTime)
        {
            string body = $"{{\"data\":{{\"id\":\"{JobId}\",\"status\":\"Running\",\"begin_time\":1641370501000{endTime}}}}}";

            CloudJob? job = Parse(body, out string? problem);

            Assert.Null(problem);
            Assert.NotNull(job);
            Assert.Equal(CloudJobStatus.Running, job!.Status);
            Assert.Null(job.EndTime);
            Assert.False(job.IsFinished);
            Assert.Equal(Retrieved - Began, job.Duration);
            Assert.Empty(_notes);
        }

        [Fact]
        public void Unknown_fields_are_ignored_at_any_depth()
        {
            string body = "{\"trace_id\":\"8d7c\",\"meta\":{\"page\":{\"n\":[1,2,{\"x\":null}]}},"
                + $"\"data\":{{\"id\":\"{JobId}\",\"status\":\"Running\",\"begin_time\":1641370501000,"
                + "\"progress\":0.5,\"sub_jobs\":[{\"id\":\"a\",\"status\":\"Failed\"}],\"owner\":{\"name\":\"x\"}},\"extra\":true}";

            CloudJob? job = Parse(body, out string? problem);

            Assert.Null(problem);
            Assert.Equal(CloudJobStatus.Running, job!.Status);
            Assert.Equal(JobId, job.Id);
            Assert.Empty(_notes);
        }

        [Fact]
        public void Top_level_error_code_and_message_are_copied()
        {
            string body = "{\"error_code\":\"CFW.00109004\",\"error_msg\":\"The rule limit was reached.\","
                + $"\"data\":{{\"id\":\"{JobId}\",\"status\":\"Failed\",\"begin_time\":1641370501000,\"end_time\":1641370515000}}}}";

            CloudJob? job = Parse(body, out _);

            Assert.Equal(CloudJobStatus.Failed, job!.Status);
            Assert.Equal("CFW.00109004", job.ErrorCode);
            Assert.Equal("The rule limit was reached.", job.ErrorMessage);
        }

        [Fact]
        public void Data_fail_reason_is_the_message_when_no_error_msg_is_given()
        {
            string body = $"{{\"data\":{{\"id\":\"{JobId}\",\"status\":\"FAIL\",\"fail_reason\":\"Quota exceeded\"}}}}";

            CloudJob? job = Parse(body, out _);

            Assert.Equal(CloudJobStatus.Failed, job!.Status);
            Assert.Equal("FAIL", job.RawStatus);
            Assert.Equal("Quota exceeded", job.ErrorMessage);
        }

        [Fact]
        public void Top_level_error_msg_wins_over_fail_reason()
        {
            string body = $"{{\"error_msg\":\"top\",\"data\":{{\"id\":\"{JobId}\",\"status\":\"Failed\",\"fail_reason\":\"inner\"}}}}";

            Assert.Equal("top", Parse(body, out _)!.ErrorMessage);
        }

        [Theory]
        [InlineData("{}")]
        [InlineData("{\"result\":{\"status\":\"Success\"}}")]
        [InlineData("{\"data\":null}")]
        [InlineData("{\"data\":\"Success\"}")]
        [InlineData("{\"data\":[{\"status\":\"Success\"}]}")]
        public void An_answer_without_a_data_object_is_refused(string body)
        {
            CloudJob? job = Parse(body, out string? problem);

            Assert.Null(job);
            Assert.Contains("'data'", problem);
            Assert.DoesNotContain("service said", problem);
        }

        [Fact]
        public void An_answer_without_data_says_what_the_service_said()
        {
            CloudJob? job = Parse("{\"error_code\":\"APIGW.0101\",\"error_msg\":\"The API does not exist or has not been published.\"}", out string? problem);

            Assert.Null(job);
            Assert.Contains("'data'", problem);
            Assert.Contains("APIGW.0101", problem);
            Assert.Contains("The API does not exist or has not been published.", problem);
        }

        [Theory]
        [InlineData("{\"data\":{\"id\":\"x\",\"status\":\"Success\"")]
        [InlineData("{\"data\":{'id':'x'}}")]
        [InlineData("{\"data\":{}} trailing")]
        public void Broken_JSON_is_refused(string body)
        {
            CloudJob? job = Parse(body, out string? problem);

            Assert.Null(job);
            Assert.Contains("not valid JSON", problem);
        }

        [Fact]
        public void An_HTML_page_is_refused_and_named_by_its_title()
        {
            CloudJob? job = Parse("<!DOCTYPE html><html><head><title>Login - Corporate Proxy</title></head><body></body></html>", out string? problem);

            Assert.Null(job);
            Assert.Contains("HTML page", problem);
            Assert.Contains("Login - Corporate Proxy", problem);
        }

        [Theory]
        [InlineData("")]
        [InlineData("   \r\n")]
        public void An_empty_body_is_refused(string body)
        {
            CloudJob? job = Parse(body, out string? problem);

            Assert.Null(job);
            Assert.Contains("empty", problem);
        }

        [Theory]
        [InlineData("{\"data\":{\"id\":\"x\",\"begin_time\":1641370501000}}")]
        [InlineData("{\"data\":{\"id\":\"x\",\"status\":null}}")]
        [InlineData("{\"data\":{\"id\":\"x\",\"status\":\"  \"}}")]
        public void A_data_object_without_status_is_refused(string body)
        {
            CloudJob? job = Parse(body, out string? problem);

            Assert.Null(job);
            Assert.Contains("'status'", problem);
        }

        [Fact]
        public void A_missing_id_is_the_requested_one()
        {
            CloudJob? job = Parse("{\"data\":{\"status\":\"Running\"}}", out _);

            Assert.Equal(JobId, job!.Id);
        }

        [Fact]
        public void An_unknown_status_keeps_its_text()
        {
            CloudJob? job = Parse("{\"data\":{\"status\":\"INIT\"}}", out _);

            Assert.Equal(CloudJobStatus.Unknown, job!.Status);
            Assert.Equal("INIT", job.RawStatus);
            Assert.False(job.IsFinished);
        }

        [Fact]
        public void An_unreadable_time_is_left_empty_with_a_note()
        {
            string body = $"{{\"data\":{{\"id\":\"{JobId}\",\"status\":\"Success\",\"begin_time\":\"yesterday\",\"end_time\":1641370515000}}}}";

            CloudJob? job = Parse(body, out string? problem);

            Assert.Null(problem);
            Assert.NotNull(job);
            Assert.Null(job!.BeginTime);
            Assert.NotNull(job.EndTime);
            Assert.Null(job.Duration);
            string note = Assert.Single(_notes);
            Assert.Contains("begin_time", note);
            Assert.Contains("yesterday", note);
        }

        [Fact]
        public void A_long_unreadable_value_is_shortened_in_the_note()
        {
            string longValue = new string('x', 500);
            string body = $"{{\"data\":{{\"status\":\"Running\",\"begin_time\":\"{longValue}\"}}}}";

            Parse(body, out _);

            string note = Assert.Single(_notes);
            Assert.DoesNotContain(longValue, note);
            Assert.True(note.Length < 200, note);
        }

        private CloudJob? Parse(string body, out string? problem) =>
            CloudJobResponseParser.Parse(
                body,
                JobId,
                new CloudJobResponseParser.Origin(ProjectId, "cn-north-4", Endpoint, "req-42", Retrieved),
                _notes,
                out problem);
    }
}
