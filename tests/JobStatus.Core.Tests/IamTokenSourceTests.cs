using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using JobStatus.Client;
using JobStatus.Connection;
using JobStatus.Connection.Iam;
using Reply = JobStatus.Tests.LoopbackHttpServer.Reply;

namespace JobStatus.Tests
{
    /// <summary>Password sign-in over real HTTP: the token, its renewal before expiry and after a 401, one renewal for many callers.</summary>
    public class IamTokenSourceTests
    {
        private const string Password = "Pa55-iam-3c2b1a09f8e7";
        private const string ProjectId = "09bb24e6fe80d23d2fa2c010b53b418c";
        private const string SuccessBody = "{\"data\":{\"id\":\"j\",\"status\":\"Success\"}}";
        private const string ExpiredBody = "{\"error_code\":\"APIGW.0301\",\"error_msg\":\"Incorrect IAM authentication information: token expires, expires_at: 2026-11-29T08:00:00.000000Z\",\"request_id\":\"r401\"}";

        private static readonly DateTimeOffset Start = new DateTimeOffset(2026, 11, 29, 8, 0, 0, TimeSpan.Zero);

        [Theory]
        [InlineData(86_400_000, 85_500_000)]
        [InlineData(3_600_000, 2_880_000)]
        [InlineData(10_000, 8_000)]
        [InlineData(3_000, 2_400)]
        public void A_token_is_renewed_when_a_fifth_of_its_lifetime_or_15_minutes_is_left_whichever_comes_later(int lifetimeMs, int renewAfterMs)
        {
            Assert.Equal(Start.AddMilliseconds(renewAfterMs), IamTokenSource.RenewalTime(Start, TimeSpan.FromMilliseconds(lifetimeMs)));
        }

        [Fact]
        public async Task A_sign_in_posts_to_v3_auth_tokens_and_keeps_the_subject_token_and_its_expiry()
        {
            await using var server = new LoopbackHttpServer(Issued("tok-first", 86400));
            var source = Source(server, () => Start);

            IamToken token = await source.GetAsync(CancellationToken.None);

            Assert.Equal("tok-first", SecureStringReader.Reveal(token.Value));
            Assert.Equal(Start.AddDays(1), token.ExpiresAt);
            Assert.Equal(Start.AddDays(1), token.LocalExpiry);
            Assert.Equal(Start.AddDays(1).AddMinutes(-15), token.RenewAt);
            Assert.Equal(ProjectId, token.ProjectId);
            string head = server.Requests.Single();
            Assert.StartsWith("POST /iam/v3/auth/tokens HTTP/1.1", head);
            Assert.Equal("application/json;charset=utf8", LoopbackHttpServer.Header(head, "Content-Type"));
            Assert.Null(LoopbackHttpServer.Header(head, "X-Auth-Token"));
            Assert.DoesNotContain(Password, head);
        }

        [Fact]
        public async Task The_token_is_reused_until_due_then_renewed()
        {
            await using var server = new LoopbackHttpServer(Issued("tok-1", 10), Issued("tok-2", 10));
            DateTimeOffset now = Start;
            var source = Source(server, () => now);
            var renewed = new System.Collections.Generic.List<IamToken>();
            source.Renewed += renewed.Add;

            IamToken first = await source.GetAsync(CancellationToken.None);
            Assert.Empty(renewed);
            now = Start.AddSeconds(7.9);
            Assert.Same(first, await source.GetAsync(CancellationToken.None));
            now = Start.AddSeconds(8);
            IamToken second = await source.GetAsync(CancellationToken.None);

            Assert.Equal("tok-2", SecureStringReader.Reveal(second.Value));
            Assert.Equal(2, source.SignInCount);
            Assert.Same(second, Assert.Single(renewed));
        }

        [Fact]
        public async Task The_lifetime_is_counted_on_this_computers_clock_whatever_the_clock_of_IAM()
        {
            // IAM's clock is a year behind: the token still lives 10 s from when the request left.
            await using var server = new LoopbackHttpServer(Issued("tok-skew", 10, issuedAt: Start.AddYears(-1)));
            var source = Source(server, () => Start);

            IamToken token = await source.GetAsync(CancellationToken.None);

            Assert.Equal(Start.AddSeconds(10), token.LocalExpiry);
            Assert.Equal(Start.AddYears(-1).AddSeconds(10), token.ExpiresAt);
        }

        [Fact]
        public async Task Many_callers_with_a_due_token_share_one_sign_in()
        {
            await using var server = new LoopbackHttpServer(Issued("tok-shared", 3600).After(TimeSpan.FromMilliseconds(300)));
            var source = Source(server, () => Start);

            IamToken[] tokens = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => source.GetAsync(CancellationToken.None))));

            Assert.Equal(1, server.RequestCount);
            Assert.Equal(1, source.SignInCount);
            Assert.All(tokens, t => Assert.Same(tokens[0], t));
        }

        [Fact]
        public async Task Many_requests_refused_with_the_same_expired_token_share_one_renewal()
        {
            await using var server = new LoopbackHttpServer(Issued("tok-1", 3600), Issued("tok-2", 3600).After(TimeSpan.FromMilliseconds(300)));
            var source = Source(server, () => Start);
            IamToken expired = await source.GetAsync(CancellationToken.None);

            IamToken[] tokens = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => source.RenewAsync(expired, CancellationToken.None))));

            Assert.Equal(2, server.RequestCount);
            Assert.All(tokens, t => Assert.Equal("tok-2", SecureStringReader.Reveal(t.Value)));
            Assert.Same(tokens[0], await source.RenewAsync(expired, CancellationToken.None));
            Assert.Equal(2, source.SignInCount);
        }

        [Fact]
        public async Task A_caller_that_gives_up_does_not_cancel_the_renewal_for_the_others()
        {
            await using var server = new LoopbackHttpServer(Issued("tok-slow", 3600).After(TimeSpan.FromMilliseconds(500)));
            var source = Source(server, () => Start);
            using var impatient = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

            Task<IamToken> patient = source.GetAsync(CancellationToken.None);
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => source.GetAsync(impatient.Token));

            Assert.Equal("tok-slow", SecureStringReader.Reveal((await patient).Value));
            Assert.Equal(1, source.SignInCount);
        }

        [Fact]
        public async Task A_wrong_password_is_an_authentication_failure_with_the_service_message_and_never_the_password()
        {
            string refusal = "{\"error\":{\"code\":401,\"message\":\"The username or password is wrong.\",\"title\":\"Unauthorized\"}}";
            await using var server = new LoopbackHttpServer(Reply.Json(401, refusal, ("X-Request-Id", "iam-r1")));
            var source = Source(server, () => Start);

            var e = await Assert.ThrowsAsync<CredentialException>(() => source.GetAsync(CancellationToken.None));

            Assert.Equal(CloudJobFailureKind.AuthenticationFailed, e.Kind);
            Assert.Contains("refused to sign in user 'alice' of account 'acme'", e.Message);
            Assert.Contains("HTTP 401, 401: The username or password is wrong., request id iam-r1", e.Message);
            Assert.Equal("The username or password is wrong.", e.ServiceErrorMessage);
            Assert.DoesNotContain(Password, e.ToString());
            Assert.Null(source.Current);
        }

        [Fact]
        public async Task A_password_echoed_by_IAM_is_redacted()
        {
            string echo = "{\"error_code\":\"IAM.0004\",\"error_msg\":\"password " + Password + " is wrong\"}";
            await using var server = new LoopbackHttpServer(Reply.Json(400, echo));
            var source = Source(server, () => Start);

            var e = await Assert.ThrowsAsync<CredentialException>(() => source.GetAsync(CancellationToken.None));

            Assert.DoesNotContain(Password, e.Message);
            Assert.DoesNotContain(Password, e.ServiceErrorMessage);
            Assert.Contains("password *** is wrong", e.Message);
        }

        [Fact]
        public async Task An_answer_without_a_subject_token_is_not_taken_for_a_sign_in()
        {
            await using var server = new LoopbackHttpServer(Reply.Json(201, "{\"token\":{\"expires_at\":\"2026-11-30T08:00:00.000000Z\"}}"));
            var source = Source(server, () => Start);

            var e = await Assert.ThrowsAsync<CredentialException>(() => source.GetAsync(CancellationToken.None));

            Assert.Equal(CloudJobFailureKind.InvalidResponse, e.Kind);
            Assert.Contains("X-Subject-Token", e.Message);
        }

        [Fact]
        public async Task When_IAM_is_down_a_token_with_time_left_is_still_used()
        {
            await using var server = new LoopbackHttpServer(Issued("tok-1", 100), Reply.Html(503, "<html><title>503</title></html>"));
            DateTimeOffset now = Start;
            var source = Source(server, () => now);
            IamToken first = await source.GetAsync(CancellationToken.None);

            now = Start.AddSeconds(90);
            Assert.Same(first, await source.GetAsync(CancellationToken.None));
            Assert.Same(first, await source.GetAsync(CancellationToken.None));

            Assert.Equal(2, server.RequestCount);
            now = Start.AddSeconds(101);
            var e = await Assert.ThrowsAsync<CredentialException>(() => source.GetAsync(CancellationToken.None));
            Assert.Equal(CloudJobFailureKind.ServiceError, e.Kind);
        }

        [Fact]
        public async Task The_client_renews_once_after_a_401_that_says_expired_and_sends_again()
        {
            // IAM and the job API share the scripted server: sign-in, refusal, sign-in, answer.
            await using var server = new LoopbackHttpServer(Issued("tok-old", 86400), Reply.Json(401, ExpiredBody), Issued("tok-new", 86400), Reply.Json(200, SuccessBody));
            using var client = Client(server, Source(server, () => DateTimeOffset.UtcNow));

            CloudJobResult result = await client.GetJobAsync("j", CancellationToken.None);

            Assert.Null(result.Failure);
            string[] heads = server.Requests.ToArray();
            Assert.Equal(4, heads.Length);
            Assert.Equal("tok-old", LoopbackHttpServer.Header(heads[1], "X-Auth-Token"));
            Assert.Equal("tok-new", LoopbackHttpServer.Header(heads[3], "X-Auth-Token"));
        }

        [Fact]
        public async Task A_second_expiry_in_a_row_is_reported_not_renewed_again()
        {
            await using var server = new LoopbackHttpServer(Issued("tok-1", 86400), Reply.Json(401, ExpiredBody), Issued("tok-2", 86400), Reply.Json(401, ExpiredBody), Reply.Json(200, SuccessBody));
            using var client = Client(server, Source(server, () => DateTimeOffset.UtcNow));

            CloudJobFailure failure = (await client.GetJobAsync("j", CancellationToken.None)).Failure!;

            Assert.Equal(CloudJobFailureKind.AuthenticationFailed, failure.Kind);
            Assert.True(failure.TokenExpired);
            Assert.Contains("token signed in for user 'alice' of account 'acme' from the session (Connect-CloudJobService) has expired", failure.Message);
            Assert.Equal(4, server.RequestCount);
        }

        [Fact]
        public async Task A_wrong_password_met_by_a_request_fails_that_request_without_sending_it()
        {
            await using var server = new LoopbackHttpServer(Reply.Json(401, "{\"error_msg\":\"The username or password is wrong.\",\"error_code\":\"IAM.0004\"}"));
            using var client = Client(server, Source(server, () => DateTimeOffset.UtcNow));

            CloudJobFailure failure = (await client.GetJobAsync("j", CancellationToken.None)).Failure!;

            Assert.Equal(CloudJobFailureKind.AuthenticationFailed, failure.Kind);
            Assert.True(failure.AffectsEveryJob);
            Assert.Equal("IAM.0004", failure.ServiceErrorCode);
            Assert.Equal(1, server.RequestCount);
        }

        private static Reply Issued(string token, double lifetimeSeconds, DateTimeOffset? issuedAt = null)
        {
            DateTimeOffset issued = issuedAt ?? Start;
            string body = "{\"token\":{\"expires_at\":\"" + issued.AddSeconds(lifetimeSeconds).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", System.Globalization.CultureInfo.InvariantCulture)
                + "\",\"issued_at\":\"" + issued.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", System.Globalization.CultureInfo.InvariantCulture)
                + "\",\"methods\":[\"password\"],\"project\":{\"id\":\"" + ProjectId + "\",\"name\":\"cn-north-4\"}}}";
            return Reply.Json(201, body, ("X-Subject-Token", token));
        }

        private static IamTokenSource Source(LoopbackHttpServer server, Func<DateTimeOffset> clock) =>
            new IamTokenSource(
                new IamSignIn("alice", SecureStringReader.FromText(Password), "acme", ProjectId, null, new Uri(server.Endpoint, "/iam")),
                requestTimeout: TimeSpan.FromSeconds(10),
                clock: clock);

        private static CloudJobClient Client(LoopbackHttpServer server, IamTokenSource source) =>
            new CloudJobClient(
                new CloudJobConnection(server.Endpoint, ProjectId, null, new PasswordCredential(source).CreateAuthenticator(RequestScope.ForProject(ProjectId)), ValueSources.Session),
                new CloudJobClientOptions { MaximumRetryCount = 0 });
    }
}
