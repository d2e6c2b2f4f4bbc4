using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Security.Authentication;
using System.Threading;
using System.Threading.Tasks;
using JobStatus.Connection;
using JobStatus.Parsing;

namespace JobStatus.Client
{
    /// <summary>
    /// Reads jobs from one service's job API (the connection's <see cref="CloudJobConnection.Service"/>): one request per job, retried when the failure may
    /// pass, every failure turned into a <see cref="CloudJobFailure"/> that says what to do.
    /// Thread-safe; meant to be shared by all the jobs of one cmdlet call.
    /// </summary>
    public sealed class CloudJobClient : IDisposable
    {
        private readonly CloudJobClientOptions _options;
        private readonly Action<string>? _log;
        private readonly HttpClient _http;
        private readonly ThrottleGate _gate;
        private readonly Func<DateTimeOffset> _clock;

        /// <param name="log">Receives one line per request and retry, from any thread. Never given secrets.
        /// Null when nobody reads them: the lines are then not even built.</param>
        public CloudJobClient(CloudJobConnection connection, CloudJobClientOptions options, Action<string>? log = null, Func<DateTimeOffset>? clock = null)
        {
            Connection = connection ?? throw new ArgumentNullException(nameof(connection));
            _options = options ?? throw new ArgumentNullException(nameof(options));
            _log = log;
            _http = SharedHttpClients.Get(options.SkipCertificateCheck);
            _gate = new ThrottleGate(options.ThrottleLimit, options.Slots, options.RetryInterval, options.MaximumRetryInterval);
            _clock = clock ?? (() => DateTimeOffset.UtcNow);
        }

        public CloudJobConnection Connection { get; }

        /// <summary>The budgets this client's requests are paced by; null for none.</summary>
        public BudgetLane? Budget => _options.Budget;

        /// <summary>Reads one job. Throws only OperationCanceledException, when <paramref name="cancellationToken"/> is cancelled.</summary>
        /// <param name="turnTaken">True when the caller has already taken the budget's turn for the first attempt (a scheduler that chose this job for it).</param>
        public async Task<CloudJobResult> GetJobAsync(string jobId, CancellationToken cancellationToken, bool turnTaken = false)
        {
            if (PathSegmentRules.Check(jobId, "job id") is string idProblem)
            {
                return Refuse(jobId ?? string.Empty, $"{idProblem} No request was sent for it.");
            }

            Uri uri = Connection.JobUri(jobId);
            DateTime firstSent = DateTime.UtcNow;
            bool renewed = false;
            for (int attempt = 1; ; attempt++)
            {
                Outcome outcome;
                await _gate.EnterAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    if (turnTaken)
                    {
                        turnTaken = false;
                    }
                    else if (_options.Budget is BudgetLane budget && budget.IsLimited)
                    {
                        await budget.TakeAsync(cancellationToken).ConfigureAwait(false);
                    }

                    outcome = await SendOnceAsync(jobId, uri, !renewed, cancellationToken).ConfigureAwait(false);
                }
                finally
                {
                    _gate.Exit();
                }

                if (outcome.Renewed && !renewed)
                {
                    // The credential expired and a fresh one was obtained: send again, once, as a new attempt 1.
                    renewed = true;
                    attempt--;
                    continue;
                }

                CloudJobFailure? failure = outcome.Result.Failure;
                if (failure?.Kind == CloudJobFailureKind.Throttled)
                {
                    _gate.Throttled(outcome.SentAt ?? DateTime.UtcNow, outcome.RetryAfter);
                    _options.Budget?.Learn(failure.Message);
                }
                else if (outcome.SentAt != null)
                {
                    _gate.Answered();
                }

                if (failure != null)
                {
                    if (attempt == 1)
                    {
                        firstSent = outcome.SentAt ?? firstSent;
                    }

                    if (failure.IsTransient && attempt <= _options.MaximumRetryCount)
                    {
                        TimeSpan delay = RetryDelay.Compute(attempt, _options.RetryInterval, _options.MaximumRetryInterval, outcome.RetryAfter);

                        _log?.Invoke(string.Format(
                            CultureInfo.InvariantCulture,
                            "Job '{0}': {1}; retry {2} of {3} in {4:0.0} s.",
                            jobId,
                            ShortReason(failure),
                            attempt,
                            _options.MaximumRetryCount,
                            delay.TotalSeconds));
                        await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
                        continue;
                    }

                    if (failure.IsTransient)
                    {
                        return CloudJobResult.Fail(failure.AfterAttempts(attempt, DateTime.UtcNow - firstSent)).SentAtTime(outcome.SentAt);
                    }
                }

                return outcome.Result.SentAtTime(outcome.SentAt);
            }
        }

        public void Dispose() => _gate.Dispose();

        private async Task<Outcome> SendOnceAsync(string jobId, Uri uri, bool mayRenew, CancellationToken cancellationToken)
        {
            DateTime sentAt = DateTime.UtcNow;
            Outcome outcome = await SendAndReadAsync(jobId, uri, mayRenew, cancellationToken).ConfigureAwait(false);
            return new Outcome(outcome.Result, outcome.RetryAfter, sentAt, outcome.Renewed);
        }

        private async Task<Outcome> SendAndReadAsync(string jobId, Uri uri, bool mayRenew, CancellationToken cancellationToken)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            try
            {
                await Connection.Authenticator.ApplyAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (CredentialException e) when (!cancellationToken.IsCancellationRequested)
            {
                return new Outcome(e.ToFailure(jobId));
            }

            _log?.Invoke("GET " + uri.AbsoluteUri);

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            if (_options.RequestTimeout is TimeSpan limit && limit > TimeSpan.Zero)
            {
                timeout.CancelAfter(limit);
            }

            HttpResponseMessage? response = null;
            string? body;
            try
            {
                // Headers first, then a bounded read of the body, both within the timeout.
                response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
                body = await BoundedContent.ReadAsync(response.Content, timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
            {
                response?.Dispose();
                return new Outcome(Fail(
                    CloudJobFailureKind.Timeout,
                    jobId,
                    $"No answer for job '{jobId}' came from {Host} within {_options.RequestTimeout?.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s. "
                    + "Check the network path to the endpoint, or allow more time with -TimeoutSec.",
                    exception: e));
            }
            catch (HttpRequestException e) when (!cancellationToken.IsCancellationRequested && ExceptionChain.Find<AuthenticationException>(e) is AuthenticationException tls)
            {
                return new Outcome(Fail(
                    CloudJobFailureKind.CertificateRejected,
                    jobId,
                    $"The TLS certificate of {Host} was not accepted for job '{jobId}': {tls.Message.TrimEnd('.')}. "
                    + "Check -Endpoint; only for a test endpoint you trust, add -SkipCertificateCheck.",
                    exception: e));
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested && (e is HttpRequestException || e is IOException))
            {
                // Refused, reset, or cut off in the middle of the body.
                response?.Dispose();
                return new Outcome(Fail(
                    CloudJobFailureKind.ConnectionFailed,
                    jobId,
                    $"Could not reach {Host} for job '{jobId}': {ExceptionChain.Innermost(e)} Check the endpoint, DNS, proxy and network.",
                    exception: e));
            }

            if (body == null)
            {
                response.Dispose();
                return new Outcome(Fail(
                    CloudJobFailureKind.InvalidResponse,
                    jobId,
                    $"The answer for job '{jobId}' from {Host} is larger than {BoundedContent.LimitText}, so it cannot be a job status; only that much was read. Check -Endpoint.",
                    (int)response.StatusCode));
            }

            // Whatever the service or a proxy echoes back, the token goes no further than here.
            body = Connection.Authenticator.Redact(body);
            Outcome outcome;
            using (response)
            {
                string? requestId = Header(response, "X-Request-Id");
                outcome = Interpret(jobId, (int)response.StatusCode, body, requestId, RetryAfter(response), response.Headers.Location);
            }

            if (mayRenew && outcome.Result.Failure is { Kind: CloudJobFailureKind.AuthenticationFailed, TokenExpired: true })
            {
                try
                {
                    if (await Connection.Authenticator.RenewAfterExpiryAsync(request, cancellationToken).ConfigureAwait(false))
                    {
                        _log?.Invoke($"Job '{jobId}': the {Connection.Authenticator.CredentialName} had expired; renewed it, sending again.");
                        return new Outcome(outcome.Result, renewed: true);
                    }
                }
                catch (CredentialException e) when (!cancellationToken.IsCancellationRequested)
                {
                    return new Outcome(e.ToFailure(jobId));
                }
            }

            return outcome;
        }

        private Outcome Interpret(string jobId, int status, string body, string? requestId, TimeSpan? retryAfter, Uri? location)
        {
            if (status == 200)
            {
                var notes = new List<string>();
                var origin = new CloudJobResponseParser.Origin(Connection.ProjectId, Connection.Region, Connection.Endpoint, requestId, _clock());
                CloudJob? job = CloudJobResponseParser.Parse(Connection.Service, body, jobId, origin, notes, out string? problem);
                foreach (string note in notes)
                {
                    _log?.Invoke(Connection.Authenticator.Redact($"Job '{jobId}': {note}"));
                }

                return job != null
                    ? new Outcome(CloudJobResult.Success(jobId, job))
                    : new Outcome(Fail(
                        CloudJobFailureKind.InvalidResponse,
                        jobId,
                        $"The answer for job '{jobId}' from {Host} could not be read: {problem}{RequestIdText(requestId)}. "
                        + $"The endpoint may not be the {ServiceText} service, or a proxy answered in its place.",
                        status,
                        requestId: requestId));
            }

            ServiceError error = ServiceError.Read(body);
            requestId ??= error.RequestId;
            string said = $"HTTP {status}, {error.Describe()}{RequestIdText(requestId)}";
            // Some services say "no such job" with a 400 and a code of their own.
            bool notFound = status == 404 || (status >= 400 && status < 500 && Connection.Service.MeansNotFound(error.Code));
            switch (notFound ? 404 : status)
            {
                case 401:
                    bool expired = (error.Message ?? string.Empty).IndexOf("expire", StringComparison.OrdinalIgnoreCase) >= 0;
                    string credential = Connection.Authenticator.CredentialName;
                    string opening = expired
                        ? $"The {credential} from {SourceText} has expired ({said})."
                        : $"The {credential} from {SourceText} was not accepted ({said}).";
                    string advice = Connection.Authenticator.RejectionAdvice(expired);
                    return new Outcome(Fail(CloudJobFailureKind.AuthenticationFailed, jobId, opening + advice, status, error, requestId, expired));
                case 403:
                    return new Outcome(Fail(
                        CloudJobFailureKind.PermissionDenied,
                        jobId,
                        $"The {Connection.Authenticator.CredentialName} from {SourceText} may not read jobs of project {Connection.ProjectId} at {Host} ({said}). "
                        + $"Check the user's {ServiceText} permissions and that the project belongs to the endpoint's region.",
                        status,
                        error,
                        requestId));
                case 404:
                    return new Outcome(Fail(
                        CloudJobFailureKind.NotFound,
                        jobId,
                        $"Job '{jobId}' was not found by {ServiceText} in project {Connection.ProjectId} at {Host} ({said}). "
                        + "Check the job id, the project and -Service (a job is read from the service that started it); finished jobs are kept only for a limited time.",
                        status,
                        error,
                        requestId));
                case 429:
                    return new Outcome(
                        Fail(
                            CloudJobFailureKind.Throttled,
                            jobId,
                            $"The service throttled the request for job '{jobId}' ({said}). "
                            + "Wait a few minutes, send fewer requests at once (-ThrottleLimit) or less often, or allow more retries (-MaximumRetryCount).",
                            status,
                            error,
                            requestId),
                        retryAfter);
                case 500:
                case 502:
                case 503:
                case 504:
                    return new Outcome(
                        Fail(
                            CloudJobFailureKind.ServiceError,
                            jobId,
                            $"The service failed to answer for job '{jobId}' ({said}). This is usually transient: try again later.",
                            status,
                            error,
                            requestId),
                        retryAfter);
                case 400:
                    return new Outcome(Fail(
                        CloudJobFailureKind.BadRequest,
                        jobId,
                        $"The service refused the request for job '{jobId}' ({said}). Check the job id and the project id.",
                        status,
                        error,
                        requestId));
            }

            if (status >= 300 && status < 400)
            {
                string target = location == null ? "another address" : (location.IsAbsoluteUri ? EndpointRules.Display(location) : "another path");
                return new Outcome(Fail(
                    CloudJobFailureKind.RedirectRefused,
                    jobId,
                    $"The request for job '{jobId}' was redirected (HTTP {status}) to {target}. JobStatus does not follow redirects, "
                    + "so that the token is never sent anywhere else. Check that -Endpoint is the service's own address.",
                    status,
                    error,
                    requestId));
            }

            return new Outcome(Fail(
                CloudJobFailureKind.UnexpectedStatus,
                jobId,
                $"The service answered the request for job '{jobId}' with {said}, which JobStatus does not expect. Check -Endpoint.",
                status,
                error,
                requestId));
        }

        private string Host => EndpointRules.Display(Connection.Endpoint);

        /// <summary>"ECS (Elastic Cloud Server)".</summary>
        private string ServiceText => $"{Connection.Service.Name} ({Connection.Service.DisplayName})";

        private string SourceText => ValueSources.Describe(Connection.CredentialSource, "Token");

        private CloudJobFailure Fail(
            CloudJobFailureKind kind,
            string jobId,
            string message,
            int? status = null,
            ServiceError? error = null,
            string? requestId = null,
            bool tokenExpired = false,
            Exception? exception = null)
        {
            // A service or proxy could echo the request headers back; nothing of the token leaves here.
            IRequestAuthenticator auth = Connection.Authenticator;
            return new CloudJobFailure(
                kind,
                jobId,
                auth.Redact(message),
                status,
                error?.Code == null ? null : auth.Redact(error.Code),
                error?.Message == null ? null : auth.Redact(error.Message),
                requestId,
                tokenExpired,
                exception);
        }

        private CloudJobResult Refuse(string jobId, string message) =>
            CloudJobResult.Fail(Fail(CloudJobFailureKind.InvalidId, jobId, message));

        private static string ShortReason(CloudJobFailure failure) => failure.Kind switch
        {
            CloudJobFailureKind.Throttled => $"throttled (HTTP 429{(failure.ServiceErrorCode == null ? string.Empty : ", " + failure.ServiceErrorCode)})",
            CloudJobFailureKind.ServiceError => $"service error (HTTP {failure.HttpStatus})",
            CloudJobFailureKind.Timeout => "no answer in time",
            _ => "connection failed",
        };

        private static string RequestIdText(string? requestId) => requestId == null ? string.Empty : $", request id {requestId}";

        private static string? Header(HttpResponseMessage response, string name) =>
            response.Headers.TryGetValues(name, out IEnumerable<string>? values) ? values.FirstOrDefault() : null;

        private static TimeSpan? RetryAfter(HttpResponseMessage response)
        {
            var header = response.Headers.RetryAfter;
            if (header?.Delta is TimeSpan delta)
            {
                return delta;
            }

            if (header?.Date is DateTimeOffset date)
            {
                TimeSpan wait = date - DateTimeOffset.UtcNow;
                return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
            }

            return null;
        }

        private readonly struct Outcome
        {
            public Outcome(CloudJobResult result, TimeSpan? retryAfter = null, DateTime? sentAt = null, bool renewed = false)
            {
                Result = result;
                RetryAfter = retryAfter;
                SentAt = sentAt;
                Renewed = renewed;
            }

            public Outcome(CloudJobFailure failure, TimeSpan? retryAfter = null)
                : this(CloudJobResult.Fail(failure), retryAfter)
            {
            }

            public CloudJobResult Result { get; }

            public TimeSpan? RetryAfter { get; }

            /// <summary>When the request left, after any wait for a slot or a 429 pause.</summary>
            public DateTime? SentAt { get; }

            /// <summary>The credential had expired and was renewed: the request may be sent again.</summary>
            public bool Renewed { get; }
        }
    }
}
