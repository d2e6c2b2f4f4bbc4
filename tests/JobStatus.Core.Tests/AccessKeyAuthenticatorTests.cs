using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using JobStatus.Client;
using JobStatus.Connection;
using JobStatus.Connection.Signing;
using JobStatus.Services;
using Reply = JobStatus.Tests.LoopbackHttpServer.Reply;

namespace JobStatus.Tests
{
    /// <summary>Requests signed with an access key, over real HTTP: what is sent, and that the signature checks out.</summary>
    public class AccessKeyAuthenticatorTests
    {
        private const string Secret = "SK-signing-9a8b7c6d5e4f3a2b";
        private const string SecurityToken = "ST-signing-0f1e2d3c4b5a";
        private const string ProjectId = "09bb24e6fe80d23d2fa2c010b53b418c";
        private const string SuccessBody = "{\"data\":{\"id\":\"j\",\"status\":\"Success\"}}";

        private static readonly DateTimeOffset SignedAt = new DateTimeOffset(2026, 11, 29, 8, 30, 5, TimeSpan.Zero);

        [Fact]
        public async Task Every_request_carries_a_signature_that_a_server_can_check_and_no_token()
        {
            await using var server = new LoopbackHttpServer(Reply.Json(200, SuccessBody));
            var credential = new AccessKeyCredential("AKIDSIGN", SecureStringReader.FromText(Secret), SecureStringReader.FromText(SecurityToken));
            using var client = new CloudJobClient(Connection(server, credential), new CloudJobClientOptions());

            CloudJobResult result = await client.GetJobAsync("a b/..", CancellationToken.None);

            Assert.Null(result.Failure);
            string head = server.Requests.Single();
            Assert.Null(LoopbackHttpServer.Header(head, "X-Auth-Token"));
            Assert.Equal(ProjectId, LoopbackHttpServer.Header(head, "X-Project-Id"));
            Assert.Equal(SecurityToken, LoopbackHttpServer.Header(head, "X-Security-Token"));
            Assert.Matches("^[0-9]{8}T[0-9]{6}Z$", LoopbackHttpServer.Header(head, "X-Sdk-Date"));
            string authorization = LoopbackHttpServer.Header(head, "Authorization")!;
            Assert.StartsWith("SDK-HMAC-SHA256 Access=AKIDSIGN, SignedHeaders=host;x-project-id;x-sdk-date;x-security-token, Signature=", authorization);
            Assert.DoesNotContain(Secret, head);

            // Recompute from what arrived, as the gateway does.
            string target = LoopbackHttpServer.Target(head);
            Assert.Equal("/v3/" + ProjectId + "/jobs/a%20b%2F..", target);
            var signed = new[] { "Host", "X-Project-Id", "X-Sdk-Date", "X-Security-Token" }
                .Select(name => new KeyValuePair<string, string>(name, LoopbackHttpServer.Header(head, name)!));
            string expected = SdkHmacSigner.Authorization("AKIDSIGN", Encoding.UTF8.GetBytes(Secret), "GET", target, string.Empty, signed, Array.Empty<byte>());
            Assert.Equal(expected, authorization);
        }

        [Fact]
        public async Task The_date_is_the_clock_at_signing_time_and_permanent_keys_send_no_security_token()
        {
            var credential = new AccessKeyCredential("AKID", SecureStringReader.FromText(Secret));
            var authenticator = new AccessKeyAuthenticator(credential, ProjectId, () => SignedAt);
            using var request = new System.Net.Http.HttpRequestMessage(System.Net.Http.HttpMethod.Get, "https://cfw.cn-north-4.myhuaweicloud.com/v3/p/jobs/j");

            await authenticator.ApplyAsync(request, CancellationToken.None);

            Assert.Equal("20261129T083005Z", request.Headers.GetValues("X-Sdk-Date").Single());
            Assert.Equal("cfw.cn-north-4.myhuaweicloud.com", request.Headers.Host);
            Assert.False(request.Headers.Contains("X-Security-Token"));
            Assert.Contains("SignedHeaders=host;x-project-id;x-sdk-date,", request.Headers.GetValues("Authorization").Single());
            Assert.False(await authenticator.RenewAfterExpiryAsync(request, CancellationToken.None));
        }

        [Fact]
        public async Task A_refused_signature_says_which_key_and_what_to_check_without_the_secret()
        {
            const string refusal = "{\"error_code\":\"APIGW.0301\",\"error_msg\":\"Incorrect IAM authentication information: verify aksk signature fail\",\"request_id\":\"r401\"}";
            await using var server = new LoopbackHttpServer(Reply.Json(401, refusal));
            var credential = new AccessKeyCredential("AKIDWRONG", SecureStringReader.FromText(Secret));
            using var client = new CloudJobClient(Connection(server, credential), new CloudJobClientOptions());

            CloudJobFailure failure = (await client.GetJobAsync("j", CancellationToken.None)).Failure!;

            Assert.Equal(CloudJobFailureKind.AuthenticationFailed, failure.Kind);
            Assert.Contains("access key AKIDWRONG from the session (Connect-CloudJobService) was not accepted", failure.Message);
            Assert.Contains("verify aksk signature fail", failure.Message);
            Assert.Contains("clock", failure.Message);
            Assert.Equal(1, server.RequestCount);
        }

        [Fact]
        public async Task A_CAE_read_sends_the_environment_as_X_Environment_ID_outside_the_path_and_signs_it()
        {
            const string environment = "0f3c5b4a-2d1e-4f6a-9b8c-7d6e5f4a3b2c";
            await using var server = new LoopbackHttpServer(Reply.Json(200, "{\"api_version\":\"v1\",\"kind\":\"Job\",\"spec\":{\"progress\":100,\"status\":\"success\",\"tasks\":[]}}"));
            var credential = new AccessKeyCredential("AKIDCAE", SecureStringReader.FromText(Secret));
            CloudJobService cae = CloudJobServices.Find("CAE")!;
            var connection = new CloudJobConnection(server.Endpoint, ProjectId, null, credential.CreateAuthenticator(RequestScope.ForProject(ProjectId)), ValueSources.Session, cae, ownerId: environment);
            using var client = new CloudJobClient(connection, new CloudJobClientOptions());

            CloudJobResult result = await client.GetJobAsync("job-1", CancellationToken.None);

            Assert.Null(result.Failure);
            Assert.Equal(CloudJobStatus.Success, result.Job!.Status);
            Assert.Equal(environment, result.Job.EnvironmentId);
            Assert.Equal("job-1", result.Job.Id);
            string head = server.Requests.Single();
            string target = LoopbackHttpServer.Target(head);
            Assert.Equal("/v1/" + ProjectId + "/cae/jobs/job-1", target);
            Assert.Equal(environment, LoopbackHttpServer.Header(head, "X-Environment-ID"));
            string authorization = LoopbackHttpServer.Header(head, "Authorization")!;
            Assert.StartsWith("SDK-HMAC-SHA256 Access=AKIDCAE, SignedHeaders=host;x-environment-id;x-project-id;x-sdk-date, Signature=", authorization);
            var signed = new[] { "Host", "X-Environment-ID", "X-Project-Id", "X-Sdk-Date" }
                .Select(name => new KeyValuePair<string, string>(name, LoopbackHttpServer.Header(head, name)!));
            Assert.Equal(SdkHmacSigner.Authorization("AKIDCAE", Encoding.UTF8.GetBytes(Secret), "GET", target, string.Empty, signed, Array.Empty<byte>()), authorization);
        }

        [Fact]
        public void The_secret_key_and_security_token_are_redacted()
        {
            var authenticator = new AccessKeyAuthenticator(new AccessKeyCredential("AKID", SecureStringReader.FromText(Secret), SecureStringReader.FromText(SecurityToken)), ProjectId);

            Assert.Equal("key *** token *** id AKID", authenticator.Redact($"key {Secret} token {SecurityToken} id AKID"));
        }

        private static CloudJobConnection Connection(LoopbackHttpServer server, AccessKeyCredential credential) =>
            new CloudJobConnection(server.Endpoint, ProjectId, null, credential.CreateAuthenticator(RequestScope.ForProject(ProjectId)), ValueSources.Session);
    }
}
