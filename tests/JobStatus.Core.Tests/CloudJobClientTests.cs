using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using JobStatus.Client;
using JobStatus.Scheduling;
using JobStatus.Connection;
using Reply = JobStatus.Tests.LoopbackHttpServer.Reply;

namespace JobStatus.Tests
{
    /// <summary>The client over real HTTP, against a scripted server on 127.0.0.1.</summary>
    public class CloudJobClientTests
    {
        private const string Token = "MIIToken-5e1f0c77a3d94b8e9f1c2d3e4f5a6b7c";
        private const string ProjectId = "09bb24e6fe80d23d2fa2c010b53b418c";
        private const string JobId = "f588ce71-e26c-400d-8981-f854355f6849";

        private const string SuccessBody =
            "{\"data\":{\"begin_time\":1641370501000,\"end_time\":1641370515000,\"id\":\"f588ce71-e26c-400d-8981-f854355f6849\",\"status\":\"Success\"}}";

        private const string ThrottledBody =
            "{\"error_code\":\"APIGW.0308\",\"error_msg\":\"The throttling threshold has been reached: policy user over ratelimit,limit:200,time:5 minute\",\"request_id\":\"r429\"}";

        private const string GatewayPage =
            "<html>\r\n<head><title>503 Service Temporarily Unavailable</title></head>\r\n<body>\r\n<center><h1>503 Service Temporarily Unavailable</h1></center>\r\n</body>\r\n</html>\r\n";

        // Only to catch hangs: every call below is expected to end far sooner.
        private static readonly TimeSpan Hang = TimeSpan.FromSeconds(20);

        private readonly List<string> _log = new List<string>();

        [Fact]
        public async Task A_job_is_read_with_the_request_id_of_its_answer()
        {
            await using var server = new LoopbackHttpServer(Reply.Json(200, SuccessBody, ("X-Request-Id", "req-200")));
            var readAt = new DateTimeOffset(2022, 1, 5, 9, 0, 0, TimeSpan.Zero);
            using CloudJobClient client = Client(server, clock: () => readAt);

            CloudJobResult result = await Get(client);

            Assert.Null(result.Failure);
            CloudJob job = result.Job!;
            Assert.Equal(JobId, result.JobId);
            Assert.Equal(JobId, job.Id);
            Assert.Equal(CloudJobStatus.Success, job.Status);
            Assert.Equal(TimeSpan.FromSeconds(14), job.Duration);
            Assert.Equal("req-200", job.RequestId);
            Assert.Equal(ProjectId, job.ProjectId);
            Assert.Equal(server.Endpoint, job.Endpoint);
            Assert.Equal("127.0.0.1", job.Region);
            Assert.Equal(readAt, job.RetrievedAt);
            Assert.Equal(1, server.RequestCount);
        }

        [Fact]
        public async Task The_request_carries_the_token_a_user_agent_and_the_job_path()
        {
            await using var server = new LoopbackHttpServer(Reply.Json(200, SuccessBody));
            using CloudJobClient client = Client(server);

            await Get(client);

            string head = Assert.Single(server.Requests);
            Assert.StartsWith("GET ", head, StringComparison.Ordinal);
            Assert.Equal($"/v3/{ProjectId}/jobs/{JobId}", LoopbackHttpServer.Target(head));
            Assert.Equal(Token, LoopbackHttpServer.Header(head, "X-Auth-Token"));
            Assert.StartsWith("JobStatus/", LoopbackHttpServer.Header(head, "User-Agent"), StringComparison.Ordinal);
            Assert.Contains("application/json", LoopbackHttpServer.Header(head, "Accept"));
        }

        [Fact]
        public async Task The_log_names_each_request_and_never_the_token()
        {
            await using var server = new LoopbackHttpServer(Reply.Json(503, GatewayPage), Reply.Json(200, SuccessBody));
            using CloudJobClient client = Client(server);

            await Get(client);

            string[] lines = Lines();
            Assert.Equal(2, lines.Count(l => l == "GET " + client.Connection.JobUri(JobId).AbsoluteUri));
            Assert.Contains(lines, l => l.Contains("retry 1 of 3", StringComparison.Ordinal));
            Assert.DoesNotContain(lines, l => l.Contains(Token, StringComparison.Ordinal));
        }

        [Theory]
        [InlineData("../x", "..%2Fx")]
        [InlineData("../../../etc/passwd", "..%2F..%2F..%2Fetc%2Fpasswd")]
        [InlineData("a/b?c", "a%2Fb%3Fc")]
        [InlineData("a#b", "a%23b")]
        [InlineData("%2e%2e", "%252e%252e")]
        [InlineData("job ü", "job%20%C3%BC")]
        public async Task The_job_id_travels_as_one_encoded_path_segment(string jobId, string segment)
        {
            await using var server = new LoopbackHttpServer(Reply.Json(200, SuccessBody));
            using CloudJobClient client = Client(server);

            CloudJobResult result = await Get(client, jobId);

            Assert.Equal(jobId, result.JobId);
            Assert.Equal($"/v3/{ProjectId}/jobs/{segment}", LoopbackHttpServer.Target(Assert.Single(server.Requests)));
        }

        [Fact]
        public async Task Not_found_carries_what_the_service_said()
        {
            await using var server = new LoopbackHttpServer(Reply.Json(
                404,
                "{\"error_code\":\"CFW.00404001\",\"error_msg\":\"The job does not exist.\"}",
                ("X-Request-Id", "req-404")));
            using CloudJobClient client = Client(server);

            CloudJobFailure failure = (await Get(client)).Failure!;

            Assert.Equal(CloudJobFailureKind.NotFound, failure.Kind);
            Assert.Equal(404, failure.HttpStatus);
            Assert.Equal("CFW.00404001", failure.ServiceErrorCode);
            Assert.Equal("The job does not exist.", failure.ServiceErrorMessage);
            Assert.Equal("req-404", failure.RequestId);
            Assert.Equal(JobId, failure.JobId);
            foreach (string part in new[] { JobId, ProjectId, "CFW.00404001", "The job does not exist.", "req-404" })
            {
                Assert.Contains(part, failure.Message);
            }

            Assert.False(failure.IsTransient);
            Assert.Equal(1, server.RequestCount);
        }

        [Fact]
        public async Task An_expired_token_is_said_to_have_expired()
        {
            await using var server = new LoopbackHttpServer(Reply.Json(
                401,
                "{\"error_code\":\"APIGW.0301\",\"error_msg\":\"Incorrect IAM authentication information: token expires, expires_at: 2022-01-05T08:15:01.000000Z\",\"request_id\":\"r401\"}"));
            using CloudJobClient client = Client(server);

            CloudJobFailure failure = (await Get(client)).Failure!;

            Assert.Equal(CloudJobFailureKind.AuthenticationFailed, failure.Kind);
            Assert.True(failure.TokenExpired);
            Assert.True(failure.AffectsEveryJob);
            Assert.Equal("APIGW.0301", failure.ServiceErrorCode);
            Assert.Equal("r401", failure.RequestId);
            Assert.Contains("expired", failure.Message);
            Assert.Contains("-Token", failure.Message);
            Assert.Equal(1, server.RequestCount);
        }

        [Fact]
        public async Task A_wrong_token_is_not_said_to_have_expired()
        {
            await using var server = new LoopbackHttpServer(Reply.Json(
                401,
                "{\"error_code\":\"APIGW.0301\",\"error_msg\":\"Incorrect IAM authentication information: decrypt token fail\"}"));
            using CloudJobClient client = Client(server);

            CloudJobFailure failure = (await Get(client)).Failure!;

            Assert.Equal(CloudJobFailureKind.AuthenticationFailed, failure.Kind);
            Assert.False(failure.TokenExpired);
            Assert.Contains("not accepted", failure.Message);
            Assert.DoesNotContain("expired", failure.Message);
            Assert.Equal(1, server.RequestCount);
        }

        [Fact]
        public async Task Forbidden_is_permission_denied_with_the_request_id_of_the_body()
        {
            await using var server = new LoopbackHttpServer(Reply.Json(
                403,
                "{\"error_code\":\"APIGW.0302\",\"error_msg\":\"The IAM user is forbidden in the currently selected region\",\"request_id\":\"body-req-403\"}"));
            using CloudJobClient client = Client(server);

            CloudJobFailure failure = (await Get(client)).Failure!;

            Assert.Equal(CloudJobFailureKind.PermissionDenied, failure.Kind);
            Assert.Equal(403, failure.HttpStatus);
            Assert.Equal("APIGW.0302", failure.ServiceErrorCode);
            Assert.Equal("body-req-403", failure.RequestId);
            Assert.Contains("body-req-403", failure.Message);
            Assert.True(failure.AffectsEveryJob);
            Assert.Equal(1, server.RequestCount);
        }

        [Fact]
        public async Task Bad_request_is_not_retried()
        {
            await using var server = new LoopbackHttpServer(Reply.Json(400, "{\"error_code\":\"CFW.00200005\",\"error_msg\":\"Invalid parameter\"}"));
            using CloudJobClient client = Client(server);

            CloudJobFailure failure = (await Get(client)).Failure!;

            Assert.Equal(CloudJobFailureKind.BadRequest, failure.Kind);
            Assert.Equal("CFW.00200005", failure.ServiceErrorCode);
            Assert.Contains("CFW.00200005: Invalid parameter", failure.Message);
            Assert.Equal(1, server.RequestCount);
        }

        [Fact]
        public async Task An_unexpected_status_is_not_retried()
        {
            await using var server = new LoopbackHttpServer(Reply.Json(418, "{\"error_msg\":\"I'm a teapot\"}"));
            using CloudJobClient client = Client(server);

            CloudJobFailure failure = (await Get(client)).Failure!;

            Assert.Equal(CloudJobFailureKind.UnexpectedStatus, failure.Kind);
            Assert.Equal(418, failure.HttpStatus);
            Assert.Equal(1, server.RequestCount);
        }

        [Fact]
        public async Task Throttling_twice_then_success_is_a_success()
        {
            await using var server = new LoopbackHttpServer(
                Reply.Json(429, ThrottledBody),
                Reply.Json(429, ThrottledBody),
                Reply.Json(200, SuccessBody));
            using CloudJobClient client = Client(server);

            CloudJobResult result = await Get(client);

            Assert.Null(result.Failure);
            Assert.Equal(CloudJobStatus.Success, result.Job!.Status);
            Assert.Equal(3, server.RequestCount);
            Assert.Contains(Lines(), l => l.Contains("throttled (HTTP 429, APIGW.0308); retry 2 of 3", StringComparison.Ordinal));
        }

        [Theory]
        [InlineData(0)]
        [InlineData(2)]
        public async Task Throttling_that_never_ends_fails_after_every_retry(int retries)
        {
            await using var server = new LoopbackHttpServer(Reply.Json(429, ThrottledBody));
            using CloudJobClient client = Client(server, Options(retries));

            CloudJobFailure failure = (await Get(client)).Failure!;

            Assert.Equal(CloudJobFailureKind.Throttled, failure.Kind);
            Assert.Equal(429, failure.HttpStatus);
            Assert.Equal("APIGW.0308", failure.ServiceErrorCode);
            Assert.Equal(retries + 1, server.RequestCount);
            if (retries > 0)
            {
                Assert.Contains($"Gave up after {retries + 1} attempts over ", failure.Message);
            }
            else
            {
                Assert.Contains("It was not retried (-MaximumRetryCount is 0).", failure.Message);
            }
        }

        [Fact]
        public async Task A_gateway_error_page_then_success_is_a_success()
        {
            await using var server = new LoopbackHttpServer(
                Reply.Html(500, "<html><head><title>500 Internal Server Error</title></head><body></body></html>"),
                Reply.Json(200, SuccessBody));
            using CloudJobClient client = Client(server);

            CloudJobResult result = await Get(client);

            Assert.Null(result.Failure);
            Assert.Equal(2, server.RequestCount);
        }

        [Fact]
        public async Task A_service_that_stays_unavailable_fails_naming_its_page()
        {
            await using var server = new LoopbackHttpServer(Reply.Html(503, GatewayPage));
            using CloudJobClient client = Client(server, Options(retries: 2));

            CloudJobFailure failure = (await Get(client)).Failure!;

            Assert.Equal(CloudJobFailureKind.ServiceError, failure.Kind);
            Assert.Equal(503, failure.HttpStatus);
            Assert.Contains("503 Service Temporarily Unavailable", failure.Message);
            Assert.Contains("Gave up after 3 attempts over ", failure.Message);
            Assert.True(failure.IsTransient);
            Assert.Equal(3, server.RequestCount);
        }

        [Theory]
        [InlineData("application/json", "{\"data\":{\"status\":\"Succ", "not valid JSON")]
        [InlineData("text/html", "<html><head><title>Corporate Proxy Login</title></head></html>", "Corporate Proxy Login")]
        [InlineData("application/json", "{\"error_code\":\"APIGW.0101\",\"error_msg\":\"The API does not exist\"}", "APIGW.0101")]
        [InlineData("application/json", "{\"result\":{\"status\":\"Success\"}}", "'data'")]
        [InlineData("application/json", "", "empty")]
        [InlineData("application/json", "{\"data\":{\"id\":\"x\"}}", "'status'")]
        public async Task An_unreadable_success_answer_is_an_invalid_response_and_not_retried(string contentType, string body, string said)
        {
            await using var server = new LoopbackHttpServer(Reply.With(200, contentType, body, ("X-Request-Id", "req-bad")));
            using CloudJobClient client = Client(server);

            CloudJobFailure failure = (await Get(client)).Failure!;

            Assert.Equal(CloudJobFailureKind.InvalidResponse, failure.Kind);
            Assert.Equal(200, failure.HttpStatus);
            Assert.Equal("req-bad", failure.RequestId);
            Assert.Contains(said, failure.Message);
            Assert.Equal(1, server.RequestCount);
        }

        [Fact]
        public async Task An_answer_larger_than_any_job_status_is_an_invalid_response()
        {
            string huge = "{\"data\":{\"status\":\"Success\",\"pad\":\"" + new string('x', 5 * 1024 * 1024) + "\"}}";
            await using var server = new LoopbackHttpServer(Reply.Json(200, huge));
            using CloudJobClient client = Client(server);

            CloudJobFailure failure = (await Get(client)).Failure!;

            Assert.Equal(CloudJobFailureKind.InvalidResponse, failure.Kind);
            Assert.Contains("4 MiB", failure.Message);
            Assert.Equal(1, server.RequestCount);
        }

        [Theory]
        [InlineData(301, "http://elsewhere.invalid/v3/x/jobs/y", "http://elsewhere.invalid")]
        [InlineData(302, "http://elsewhere.invalid/v3/x/jobs/y", "http://elsewhere.invalid")]
        [InlineData(307, "https://elsewhere.invalid:8443/", "https://elsewhere.invalid:8443")]
        [InlineData(308, "http://elsewhere.invalid/", "http://elsewhere.invalid")]
        [InlineData(302, "/login?next=/v3", "another path")]
        public async Task A_redirect_is_refused_and_not_followed(int status, string location, string named)
        {
            await using var server = new LoopbackHttpServer(Reply.With(status, "text/html", string.Empty, ("Location", location)));
            using CloudJobClient client = Client(server);

            CloudJobFailure failure = (await Get(client)).Failure!;

            Assert.Equal(CloudJobFailureKind.RedirectRefused, failure.Kind);
            Assert.Equal(status, failure.HttpStatus);
            Assert.Contains(named, failure.Message);
            Assert.Equal(1, server.RequestCount);
        }

        [Fact]
        public async Task A_byte_order_mark_before_the_JSON_is_no_problem()
        {
            await using var server = new LoopbackHttpServer(Reply.Json(200, "\uFEFF" + SuccessBody));
            using CloudJobClient client = Client(server);

            CloudJobResult result = await Get(client);

            Assert.Null(result.Failure);
            Assert.Equal(CloudJobStatus.Success, result.Job!.Status);
        }

        [Fact]
        public async Task A_late_answer_is_a_timeout()
        {
            await using var server = new LoopbackHttpServer(Reply.Json(200, SuccessBody).After(TimeSpan.FromSeconds(30)));
            CloudJobClientOptions options = Options(retries: 1);
            // Long enough for a loaded machine to accept and read both requests before time runs out.
            options.RequestTimeout = TimeSpan.FromMilliseconds(1500);
            using CloudJobClient client = Client(server, options);
            var clock = Stopwatch.StartNew();

            CloudJobFailure failure = (await Get(client)).Failure!;

            Assert.Equal(CloudJobFailureKind.Timeout, failure.Kind);
            Assert.Null(failure.HttpStatus);
            Assert.Contains("within 1.5 s", failure.Message);
            Assert.Contains("Gave up after 2 attempts over ", failure.Message);
            Assert.Equal(2, server.RequestCount);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
        }

        [Fact]
        public async Task A_refused_connection_is_a_connection_failure()
        {
            // A socket bound but not listening: the port is taken, and connecting to it is refused.
            using var placeholder = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            placeholder.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            int port = ((IPEndPoint)placeholder.LocalEndPoint!).Port;
            using CloudJobClient client = Client(new Uri($"http://127.0.0.1:{port}/"), Options(retries: 1));

            CloudJobFailure failure = (await Get(client)).Failure!;

            Assert.Equal(CloudJobFailureKind.ConnectionFailed, failure.Kind);
            Assert.Null(failure.HttpStatus);
            Assert.NotNull(failure.Exception);
            Assert.Contains($"127.0.0.1:{port}", failure.Message);
            Assert.Contains("Gave up after 2 attempts over ", failure.Message);
        }

        [Fact]
        public async Task A_connection_cut_in_the_middle_of_an_answer_is_retried()
        {
            await using var server = new LoopbackHttpServer(
                Reply.Raw("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{\"data\":{\"sta"),
                Reply.Json(200, SuccessBody));
            using CloudJobClient client = Client(server);

            CloudJobResult result = await Get(client);

            Assert.Null(result.Failure);
            Assert.Equal(2, server.RequestCount);
            Assert.Contains(Lines(), l => l.Contains("connection failed; retry 1 of 3", StringComparison.Ordinal));
        }

        [Fact]
        public async Task Connections_that_always_drop_are_a_connection_failure()
        {
            await using var server = new LoopbackHttpServer(Reply.Drop());
            using CloudJobClient client = Client(server, Options(retries: 1));

            CloudJobFailure failure = (await Get(client)).Failure!;

            Assert.Equal(CloudJobFailureKind.ConnectionFailed, failure.Kind);
            Assert.Contains("Gave up after 2 attempts over ", failure.Message);

            // HttpClient itself resends a request whose connection closed before any answer byte,
            // so the server sees at least one request per attempt, not exactly one.
            Assert.True(server.RequestCount >= 2, $"{server.RequestCount} requests");
        }

        [Fact]
        public async Task Cancelling_during_a_retry_wait_ends_at_once()
        {
            await using var server = new LoopbackHttpServer(Reply.Html(503, GatewayPage));
            CloudJobClientOptions options = Options(retries: 3);
            options.RetryInterval = TimeSpan.FromSeconds(30);
            options.MaximumRetryInterval = TimeSpan.FromSeconds(30);
            using CloudJobClient client = Client(server, options);
            using var cancel = new CancellationTokenSource(Hang);

            Task<CloudJobResult> reading = client.GetJobAsync(JobId, cancel.Token);
            await server.WaitForRequestsAsync(1, Hang);
            await WaitForLogAsync("retry 1 of 3");
            var clock = Stopwatch.StartNew();
            cancel.Cancel();

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => reading);
            Assert.True(clock.Elapsed < TimeSpan.FromMilliseconds(500), $"took {clock.Elapsed}");
            Assert.Equal(1, server.RequestCount);
        }

        [Fact]
        public async Task Cancelling_during_a_request_ends_at_once_and_is_not_a_timeout()
        {
            await using var server = new LoopbackHttpServer(Reply.Json(200, SuccessBody).After(TimeSpan.FromSeconds(30)));
            using CloudJobClient client = Client(server);
            using var cancel = new CancellationTokenSource(Hang);

            Task<CloudJobResult> reading = client.GetJobAsync(JobId, cancel.Token);
            await server.WaitForRequestsAsync(1, Hang);
            var clock = Stopwatch.StartNew();
            cancel.Cancel();

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => reading);
            Assert.True(clock.Elapsed < TimeSpan.FromMilliseconds(500), $"took {clock.Elapsed}");
            Assert.Equal(1, server.RequestCount);
        }

        [Fact]
        public async Task An_already_cancelled_call_sends_nothing()
        {
            await using var server = new LoopbackHttpServer(Reply.Json(200, SuccessBody));
            using CloudJobClient client = Client(server);
            using var cancel = new CancellationTokenSource();
            cancel.Cancel();

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetJobAsync(JobId, cancel.Token));
            Assert.Equal(0, server.RequestCount);
        }

        [Fact]
        public async Task Retry_After_is_honoured()
        {
            await using var server = new LoopbackHttpServer(
                Reply.Json(429, ThrottledBody, ("Retry-After", "1")),
                Reply.Json(200, SuccessBody));
            using CloudJobClient client = Client(server);
            var clock = Stopwatch.StartNew();

            CloudJobResult result = await Get(client);

            Assert.Null(result.Failure);
            Assert.Equal(2, server.RequestCount);
            Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(900), $"took {clock.Elapsed}");
            Assert.Contains(Lines(), l => l.EndsWith("in 1.0 s.", StringComparison.Ordinal));
        }

        [Fact]
        public async Task A_429_holds_back_the_other_jobs_of_the_client_too()
        {
            await using var server = new LoopbackHttpServer(
                Reply.Json(429, ThrottledBody, ("Retry-After", "1")),
                Reply.Json(200, SuccessBody));
            using CloudJobClient client = Client(server);
            using var cancel = new CancellationTokenSource(Hang);

            Task<CloudJobResult> first = client.GetJobAsync(JobId, cancel.Token);
            await WaitForLogAsync("retry 1 of 3");
            var clock = Stopwatch.StartNew();
            CloudJobResult second = await client.GetJobAsync("another-job", cancel.Token);
            TimeSpan held = clock.Elapsed;
            await first;

            Assert.Null(second.Failure);
            Assert.True(held >= TimeSpan.FromMilliseconds(700), $"the second job was sent after {held}");
            Assert.Equal(3, server.RequestCount);
        }

        [Theory]
        [InlineData(404)]
        [InlineData(401)]
        [InlineData(403)]
        [InlineData(400)]
        [InlineData(429)]
        [InlineData(503)]
        public async Task A_token_echoed_by_the_service_is_masked(int status)
        {
            string body = $"{{\"error_code\":\"APIGW.0301\",\"error_msg\":\"Token '{Token}' is not valid here\"}}";
            await using var server = new LoopbackHttpServer(Reply.Json(status, body));
            using CloudJobClient client = Client(server, Options(retries: 1));

            CloudJobFailure failure = (await Get(client)).Failure!;

            Assert.Contains("***", failure.Message);
            Assert.DoesNotContain(Token, failure.Message);
            Assert.Equal("Token '***' is not valid here", failure.ServiceErrorMessage);
            Assert.DoesNotContain(Token, failure.ToString());
            Assert.DoesNotContain(Lines(), l => l.Contains(Token, StringComparison.Ordinal));
        }

        [Fact]
        public async Task A_token_echoed_in_an_unreadable_success_answer_is_masked()
        {
            string body = $"{{\"error_code\":\"X\",\"error_msg\":\"echo: X-Auth-Token: {Token}\"}}";
            await using var server = new LoopbackHttpServer(Reply.Json(200, body));
            using CloudJobClient client = Client(server);

            CloudJobFailure failure = (await Get(client)).Failure!;

            Assert.Equal(CloudJobFailureKind.InvalidResponse, failure.Kind);
            Assert.Contains("***", failure.Message);
            Assert.DoesNotContain(Token, failure.Message);
        }

        [Fact]
        public async Task A_token_echoed_in_an_error_page_title_is_masked()
        {
            await using var server = new LoopbackHttpServer(Reply.Html(502, $"<html><head><title>Bad token {Token}</title></head></html>"));
            using CloudJobClient client = Client(server, Options(retries: 0));

            CloudJobFailure failure = (await Get(client)).Failure!;

            Assert.Equal(CloudJobFailureKind.ServiceError, failure.Kind);
            Assert.Contains("Bad token ***", failure.Message);
            Assert.DoesNotContain(Token, failure.Message);
        }

        [Theory]
        [InlineData(null)]
        [InlineData("")]
        [InlineData("   ")]
        [InlineData(".")]
        [InlineData("..")]
        [InlineData("f588ce71\r\nX-Injected: 1")]
        [InlineData("a\0b")]
        public async Task An_invalid_id_is_refused_without_a_request(string? jobId)
        {
            await using var server = new LoopbackHttpServer(Reply.Json(200, SuccessBody));
            using CloudJobClient client = Client(server);

            CloudJobFailure failure = (await Get(client, jobId!)).Failure!;

            Assert.Equal(CloudJobFailureKind.InvalidId, failure.Kind);
            Assert.Contains("No request was sent", failure.Message);
            Assert.Equal(0, server.RequestCount);
        }

        [Fact]
        public async Task An_id_of_129_characters_is_refused_without_a_request()
        {
            await using var server = new LoopbackHttpServer(Reply.Json(200, SuccessBody));
            using CloudJobClient client = Client(server);

            CloudJobFailure failure = (await Get(client, new string('a', 129))).Failure!;

            Assert.Equal(CloudJobFailureKind.InvalidId, failure.Kind);
            Assert.Equal(0, server.RequestCount);
        }

        [Fact]
        public async Task No_more_requests_are_in_flight_than_the_throttle_limit()
        {
            await using var server = new LoopbackHttpServer(Reply.Json(200, SuccessBody).After(TimeSpan.FromMilliseconds(150)));
            CloudJobClientOptions options = Options();
            options.ThrottleLimit = 2;
            using CloudJobClient client = Client(server, options);
            using var cancel = new CancellationTokenSource(Hang);

            CloudJobResult[] results = await Task.WhenAll(
                Enumerable.Range(0, 10).Select(i => client.GetJobAsync("job-" + i, cancel.Token)));

            Assert.All(results, r => Assert.Null(r.Failure));
            Assert.Equal(10, server.RequestCount);
            Assert.Equal(2, server.MaxConcurrentRequests);
        }

        [Fact]
        public async Task A_429_that_states_its_policy_sets_the_lanes_budget_from_what_the_service_said()
        {
            await using var server = new LoopbackHttpServer(Reply.Json(429, ThrottledBody), Reply.Json(200, SuccessBody));
            var notes = new List<string>();
            using var scheduler = new ReadScheduler(new SchedulerOptions { RetryInterval = TimeSpan.FromMilliseconds(10), Note = notes.Add });
            CloudJobClientOptions options = Options();
            options.Scheduler = scheduler;
            using CloudJobClient client = Client(server, options);

            CloudJobResult result = await Get(client);

            Assert.Null(result.Failure);
            Assert.Equal("CFW at 127.0.0.1:" + server.Port + " answered 429 with its policy (limit:200,time:5 minute): its requests are paced at 40 requests a minute for the rest of the command.", Assert.Single(notes));
            Assert.Equal("40 requests a minute (learned from a 429: limit:200,time:5 minute)", scheduler.LaneFor(client).DescribeBudget());
        }

        private static CloudJobClientOptions Options(int retries = 3) => new CloudJobClientOptions
        {
            RequestTimeout = TimeSpan.FromSeconds(10),
            MaximumRetryCount = retries,
            RetryInterval = TimeSpan.FromMilliseconds(10),
            MaximumRetryInterval = TimeSpan.FromMilliseconds(50),
            ThrottleLimit = 16,
        };

        private static async Task<CloudJobResult> Get(CloudJobClient client, string jobId = JobId)
        {
            using var hang = new CancellationTokenSource(Hang);
            return await client.GetJobAsync(jobId, hang.Token);
        }

        private CloudJobClient Client(LoopbackHttpServer server, CloudJobClientOptions? options = null, Func<DateTimeOffset>? clock = null) =>
            Client(server.Endpoint, options, clock);

        private CloudJobClient Client(Uri endpoint, CloudJobClientOptions? options = null, Func<DateTimeOffset>? clock = null)
        {
            // Through the resolver, as the cmdlets do: plain http is accepted only because it is loopback.
            ResolvedContext context = ConnectionResolver.Resolve(
                new ConnectionSettings(SecureStringReader.FromText(Token), ProjectId, endpoint: endpoint),
                null,
                _ => null);
            CloudJobConnection connection = context.TryCreateConnection(allowUnencryptedAuthentication: false, out ConnectionProblem? problem)
                ?? throw new InvalidOperationException(problem!.Message);
            return new CloudJobClient(connection, options ?? Options(), Log, clock == null ? null : new WallClock(clock));
        }

        private void Log(string line)
        {
            lock (_log)
            {
                _log.Add(line);
            }
        }

        private string[] Lines()
        {
            lock (_log)
            {
                return _log.ToArray();
            }
        }

        private async Task WaitForLogAsync(string fragment)
        {
            DateTime deadline = DateTime.UtcNow + Hang;
            while (!Lines().Any(l => l.Contains(fragment, StringComparison.Ordinal)))
            {
                Assert.True(DateTime.UtcNow < deadline, $"no log line with '{fragment}'");
                await Task.Delay(5);
            }
        }
    }
}
