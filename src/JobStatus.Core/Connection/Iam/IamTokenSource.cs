using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Security;
using System.Security.Authentication;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using JobStatus.Client;
using JobStatus.Parsing;

namespace JobStatus.Connection.Iam
{
    /// <summary>
    /// Signs in to IAM with a password (POST /v3/auth/tokens) and keeps the token, renewing it before
    /// it expires: when less than a fifth of its lifetime or less than 15 minutes is left, whichever
    /// comes later (a 24 h token 15 minutes before the end, a 10 s test token 2 s before). Every
    /// request that finds the token due waits for the same single renewal. Thread-safe; lives as
    /// long as the session that connected with it.
    /// </summary>
    internal sealed class IamTokenSource
    {
        public const string SubjectTokenHeader = "X-Subject-Token";

        public static readonly TimeSpan LongestRenewalMargin = TimeSpan.FromMinutes(15);

        private static readonly TimeSpan RetryAfterFailedRenewal = TimeSpan.FromSeconds(30);

        private readonly object _gate = new object();
        private readonly Func<DateTimeOffset> _clock;
        private readonly HttpClient _http;
        private readonly TimeSpan _timeout;
        private IamToken? _current;
        private IamToken? _previous;
        private Task<IamToken>? _renewal;
        private DateTimeOffset _noRenewalBefore;
        private int _signInCount;

        /// <param name="http">The transport; null for the process's shared, pooled client. Tests hand in a simulated cloud.</param>
        public IamTokenSource(IamSignIn signIn, bool skipCertificateCheck = false, TimeSpan? requestTimeout = null, Func<DateTimeOffset>? clock = null, HttpClient? http = null)
        {
            SignIn = signIn ?? throw new ArgumentNullException(nameof(signIn));
            _http = http ?? SharedHttpClients.Get(skipCertificateCheck);
            _timeout = requestTimeout ?? TimeSpan.FromSeconds(30);
            _clock = clock ?? TimeProvider.System.GetUtcNow;
        }

        public IamSignIn SignIn { get; }

        /// <summary>Raised, on the thread that renewed it, when a token replaces an earlier one.</summary>
        public event Action<IamToken>? Renewed;

        /// <summary>The token in use, or null before the first sign-in.</summary>
        public IamToken? Current => Volatile.Read(ref _current);

        /// <summary>How many sign-in requests were sent.</summary>
        public int SignInCount => Volatile.Read(ref _signInCount);

        /// <summary>When a token received at <paramref name="received"/> and valid for <paramref name="lifetime"/> is renewed.</summary>
        public static DateTimeOffset RenewalTime(DateTimeOffset received, TimeSpan lifetime)
        {
            TimeSpan fifth = TimeSpan.FromTicks(lifetime.Ticks / 5);
            TimeSpan margin = fifth < LongestRenewalMargin ? fifth : LongestRenewalMargin;
            return received + lifetime - margin;
        }

        /// <summary>The token to send now: the current one, or a fresh one when it is due for renewal.</summary>
        /// <exception cref="CredentialException">IAM refused the sign-in, or could not answer and no valid token is left.</exception>
        public async Task<IamToken> GetAsync(CancellationToken cancellationToken)
        {
            IamToken? current = Current;
            DateTimeOffset now = _clock();
            DateTimeOffset noRenewalBefore;
            lock (_gate)
            {
                noRenewalBefore = _noRenewalBefore;
            }

            if (current != null && (now < current.RenewAt || (now < current.LocalExpiry && now < noRenewalBefore)))
            {
                return current;
            }

            try
            {
                return await RenewAsync(current, cancellationToken).ConfigureAwait(false);
            }
            catch (CredentialException e) when (e.Kind != CloudJobFailureKind.AuthenticationFailed && current != null && _clock() < current.LocalExpiry)
            {
                // IAM is down, but the token still has time left: use it, and try again a little later.
                lock (_gate)
                {
                    _noRenewalBefore = _clock() + RetryAfterFailedRenewal;
                }

                return current;
            }
        }

        /// <summary>
        /// A new token unless <paramref name="stale"/> has already been replaced (then the replacement).
        /// Concurrent callers share one sign-in; cancelling one caller does not cancel it for the others.
        /// </summary>
        public Task<IamToken> RenewAsync(IamToken? stale, CancellationToken cancellationToken)
        {
            Task<IamToken> renewal;
            lock (_gate)
            {
                if (_current != null && !ReferenceEquals(_current, stale))
                {
                    return Task.FromResult(_current);
                }

                if (_renewal == null)
                {
                    _renewal = Task.Run(RenewOnceAsync);
                    // A failure nobody waits for any more (every caller cancelled) must not go unobserved.
                    _renewal.ContinueWith(t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
                }

                renewal = _renewal;
            }

            return WithCancellation(renewal, cancellationToken);
        }

        /// <summary>Replaces the password and any token issued with it in text that may be shown.</summary>
        public string Redact(string text)
        {
            IamToken? current;
            IamToken? previous;
            lock (_gate)
            {
                current = _current;
                previous = _previous;
            }

            return TokenAuthenticator.Redact(text, SignIn.Password, current?.Value, previous?.Value);
        }

        private async Task<IamToken> RenewOnceAsync()
        {
            try
            {
                IamToken token = await SignInAsync().ConfigureAwait(false);
                bool replaced;
                lock (_gate)
                {
                    replaced = _current != null;
                    _previous = _current;
                    _current = token;
                    _noRenewalBefore = default;
                }

                if (replaced)
                {
                    Renewed?.Invoke(token);
                }

                return token;
            }
            finally
            {
                lock (_gate)
                {
                    _renewal = null;
                }
            }
        }

        private async Task<IamToken> SignInAsync()
        {
            string host = EndpointRules.Display(SignIn.IamEndpoint);
            var uri = new Uri(SignIn.IamEndpoint.GetLeftPart(UriPartial.Authority) + SignIn.IamEndpoint.AbsolutePath.TrimEnd('/') + "/v3/auth/tokens");
            using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = new ByteArrayContent(RequestBody()) };
            request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json;charset=utf8");

            using var timeout = new CancellationTokenSource(_timeout);
            DateTimeOffset sentAt = _clock();
            Interlocked.Increment(ref _signInCount);
            HttpResponseMessage? response = null;
            string body;
            try
            {
                response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
                body = Redact(await BoundedContent.ReadAsync(response.Content, timeout.Token).ConfigureAwait(false)
                    ?? throw new CredentialException(
                        CloudJobFailureKind.InvalidResponse,
                        $"IAM at {host} answered the sign-in of {SignIn.Describe()} with more than {BoundedContent.LimitText}, so it cannot be a token. Check -IamEndpoint.",
                        (int)response.StatusCode));
            }
            catch (CredentialException)
            {
                response?.Dispose();
                throw;
            }
            catch (OperationCanceledException e)
            {
                response?.Dispose();
                throw new CredentialException(
                    CloudJobFailureKind.Timeout,
                    $"IAM at {host} did not answer the sign-in of {SignIn.Describe()} within {_timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s. Check the network path to -IamEndpoint.",
                    inner: e);
            }
            catch (Exception e) when (e is HttpRequestException || e is IOException)
            {
                response?.Dispose();
                bool tls = ExceptionChain.Find<AuthenticationException>(e) != null;
                throw new CredentialException(
                    tls ? CloudJobFailureKind.CertificateRejected : CloudJobFailureKind.ConnectionFailed,
                    tls
                        ? $"The TLS certificate of IAM at {host} was not accepted, so {SignIn.Describe()} was not signed in. Check -IamEndpoint."
                        : $"Could not reach IAM at {host} to sign in {SignIn.Describe()}: {ExceptionChain.Innermost(e)} Check -IamEndpoint, DNS, proxy and network.",
                    inner: e);
            }

            using (response)
            {
                int status = (int)response.StatusCode;
                string? requestId = response.Headers.TryGetValues("X-Request-Id", out IEnumerable<string>? ids) ? ids.FirstOrDefault() : null;
                if (status != 201)
                {
                    throw Refusal(host, status, body, requestId);
                }

                string? tokenText = response.Headers.TryGetValues(SubjectTokenHeader, out IEnumerable<string>? values) ? values.FirstOrDefault() : null;
                if (string.IsNullOrWhiteSpace(tokenText) || !ReadExpiry(body, out DateTimeOffset expiresAt, out DateTimeOffset? issuedAt, out string? projectId, out string? domainId))
                {
                    throw new CredentialException(
                        CloudJobFailureKind.InvalidResponse,
                        $"IAM at {host} answered the sign-in of {SignIn.Describe()} with 201 but without an X-Subject-Token header or token.expires_at. Check -IamEndpoint.",
                        status,
                        requestId: requestId);
                }

                // Counted on this computer's clock from when the request left, so a skewed clock
                // neither side knows about cannot make a token look fresher than it is.
                TimeSpan lifetime = expiresAt - (issuedAt ?? sentAt);
                if (lifetime <= TimeSpan.Zero)
                {
                    throw new CredentialException(
                        CloudJobFailureKind.InvalidResponse,
                        $"IAM at {host} issued a token for {SignIn.Describe()} that expires at {expiresAt:o}, which is already past. Check this computer's clock.",
                        status,
                        requestId: requestId);
                }

                SecureString token = SecureStringReader.FromText(tokenText!.Trim());
                return new IamToken(token, expiresAt, sentAt + lifetime, RenewalTime(sentAt, lifetime), projectId, domainId);
            }
        }

        private CredentialException Refusal(string host, int status, string body, string? requestId)
        {
            ServiceError error = ServiceError.Read(body);
            string? code = error.Code;
            string? message = error.Message;
            if (code == null && message == null && NestedError(body) is (string nestedCode, string nestedMessage))
            {
                // Keystone's shape: {"error": {"code": 401, "message": "...", "title": "Unauthorized"}}.
                code = nestedCode;
                message = nestedMessage;
            }

            string said = code != null || message != null
                ? $"HTTP {status}, {(code != null && message != null ? code + ": " + message : code ?? message)}"
                : $"HTTP {status}, {error.BodyDescription ?? "no details"}";
            said += requestId == null ? string.Empty : $", request id {requestId}";

            CloudJobFailureKind kind = status == 429 ? CloudJobFailureKind.Throttled
                : status >= 500 ? CloudJobFailureKind.ServiceError
                : CloudJobFailureKind.AuthenticationFailed;
            string text = kind == CloudJobFailureKind.AuthenticationFailed
                ? $"IAM at {host} refused to sign in {SignIn.Describe()} ({said}). Check the user name and password, the account name (-DomainName) and the project (-ProjectId or -ProjectName)."
                : $"IAM at {host} could not sign in {SignIn.Describe()} ({said}). This is usually transient: try again later.";
            return new CredentialException(kind, Redact(text), status, code == null ? null : Redact(code), message == null ? null : Redact(message), requestId);
        }

        private byte[] RequestBody()
        {
            using var buffer = new MemoryStream();
            using (var json = new Utf8JsonWriter(buffer))
            {
                json.WriteStartObject();
                json.WriteStartObject("auth");
                json.WriteStartObject("identity");
                json.WriteStartArray("methods");
                json.WriteStringValue("password");
                json.WriteEndArray();
                json.WriteStartObject("password");
                json.WriteStartObject("user");
                json.WriteString("name", SignIn.UserName);
                json.WriteString("password", SecureStringReader.Reveal(SignIn.Password));
                json.WriteStartObject("domain");
                json.WriteString("name", SignIn.DomainName);
                json.WriteEndObject();
                json.WriteEndObject();
                json.WriteEndObject();
                json.WriteEndObject();
                json.WriteStartObject("scope");
                json.WriteStartObject("project");
                if (SignIn.ProjectId != null)
                {
                    json.WriteString("id", SignIn.ProjectId);
                }
                else
                {
                    json.WriteString("name", SignIn.ProjectName);
                }

                json.WriteEndObject();
                json.WriteEndObject();
                json.WriteEndObject();
                json.WriteEndObject();
            }

            return buffer.ToArray();
        }

        private static bool ReadExpiry(string body, out DateTimeOffset expiresAt, out DateTimeOffset? issuedAt, out string? projectId, out string? domainId)
        {
            expiresAt = default;
            issuedAt = null;
            projectId = null;
            domainId = null;
            try
            {
                using JsonDocument document = JsonDocument.Parse(body);
                if (document.RootElement.ValueKind != JsonValueKind.Object
                    || !document.RootElement.TryGetProperty("token", out JsonElement token)
                    || !Time(ServiceError.Text(token, "expires_at"), out expiresAt))
                {
                    return false;
                }

                issuedAt = Time(ServiceError.Text(token, "issued_at"), out DateTimeOffset issued) ? issued : (DateTimeOffset?)null;
                if (token.ValueKind == JsonValueKind.Object && token.TryGetProperty("project", out JsonElement project))
                {
                    projectId = ServiceError.Text(project, "id");
                }

                // The account the user belongs to (Keystone's token.user.domain): what account-wide services need.
                if (token.ValueKind == JsonValueKind.Object && token.TryGetProperty("user", out JsonElement user)
                    && user.ValueKind == JsonValueKind.Object && user.TryGetProperty("domain", out JsonElement domain))
                {
                    domainId = ServiceError.Text(domain, "id");
                }

                return true;
            }
            catch (JsonException)
            {
                return false;
            }
        }

        private static bool Time(string? text, out DateTimeOffset time) =>
            DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out time);

        private static (string, string)? NestedError(string body)
        {
            try
            {
                using JsonDocument document = JsonDocument.Parse(body);
                if (document.RootElement.ValueKind == JsonValueKind.Object
                    && document.RootElement.TryGetProperty("error", out JsonElement error)
                    && ServiceError.Text(error, "message") is string message)
                {
                    return (ServiceError.Text(error, "code") ?? string.Empty, message);
                }
            }
            catch (JsonException)
            {
            }

            return null;
        }

        private static async Task<T> WithCancellation<T>(Task<T> task, CancellationToken cancellationToken)
        {
            if (!cancellationToken.CanBeCanceled || task.IsCompleted)
            {
                return await task.ConfigureAwait(false);
            }

            var cancelled = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            using (cancellationToken.Register(() => cancelled.TrySetResult(true)))
            {
                if (await Task.WhenAny(task, cancelled.Task).ConfigureAwait(false) != task)
                {
                    throw new OperationCanceledException(cancellationToken);
                }
            }

            return await task.ConfigureAwait(false);
        }
    }
}
