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
using JobStatus.Services;
using JobStatus.Scheduling;

namespace JobStatus.Client
{
    /// <summary>
    /// Sends the requests for one service's jobs at one endpoint and project (the connection): one
    /// attempt at a time (<see cref="SendAsync"/>), every failure turned into a
    /// <see cref="CloudJobFailure"/> that says what to do. When to send, and whether to send again,
    /// is the command's <see cref="ReadScheduler"/>'s to decide. Thread-safe.
    /// </summary>
    internal sealed class CloudJobClient : IDisposable
    {
        private readonly CloudJobClientOptions _options;
        private readonly Action<string>? _log;
        private readonly HttpClient _http;
        private readonly TimeProvider _time;
        private ReadScheduler? _ownScheduler;

        /// <param name="log">Receives one line per request, from any thread. Never given secrets.
        /// Null when nobody reads them: the lines are then not even built.</param>
        public CloudJobClient(CloudJobConnection connection, CloudJobClientOptions options, Action<string>? log = null, TimeProvider? time = null)
        {
            Connection = connection ?? throw new ArgumentNullException(nameof(connection));
            _options = options ?? throw new ArgumentNullException(nameof(options));
            _log = log;
            _http = options.Http ?? SharedHttpClients.Get(options.SkipCertificateCheck);
            _time = time ?? options.Scheduler?.Time ?? TimeProvider.System;
            Scheduler = options.Scheduler;
        }

        public CloudJobConnection Connection { get; }

        /// <summary>The command's scheduler, through which <see cref="GetJobAsync"/> reads; null until the first read of a client that has none.</summary>
        internal ReadScheduler? Scheduler { get; private set; }

        /// <summary>Reads one job with the command's bounded retries (Get-CloudJob's read).
        /// Throws only OperationCanceledException, when <paramref name="cancellationToken"/> is cancelled.</summary>
        public Task<CloudJobResult> GetJobAsync(string jobId, CancellationToken cancellationToken)
        {
            ReadScheduler scheduler = Scheduler ??= _ownScheduler ??= new ReadScheduler(
                new SchedulerOptions
                {
                    ThrottleLimit = _options.ThrottleLimit,
                    MaximumRetryCount = _options.MaximumRetryCount,
                    RetryInterval = _options.RetryInterval,
                    MaximumRetryInterval = _options.MaximumRetryInterval,
                },
                _time);
            return scheduler.ReadAsync(this, jobId, cancellationToken);
        }

        /// <summary>Sends one request for the job, and once more at once if the credential had
        /// expired and could be renewed. Throws only OperationCanceledException, when
        /// <paramref name="cancellationToken"/> is cancelled.</summary>
        internal async Task<ReadAttempt> SendAsync(string jobId, CancellationToken cancellationToken)
        {
            if (PathSegmentRules.Check(jobId, "job id") is string idProblem)
            {
                return new ReadAttempt(Refuse(jobId ?? string.Empty, $"{idProblem} No request was sent for it."), sent: false);
            }

            Uri uri = Connection.JobUri(jobId);
            Outcome outcome = await SendAndReadAsync(jobId, uri, mayRenew: true, cancellationToken).ConfigureAwait(false);
            if (outcome.Renewed)
            {
                // The credential expired and a fresh one was obtained: send again, once.
                outcome = await SendAndReadAsync(jobId, uri, mayRenew: false, cancellationToken).ConfigureAwait(false);
            }

            if (outcome.Result.Job is { Status: CloudJobStatus.Success } job && Connection.Service.ResourceLookup is ResourceLookup lookup)
            {
                outcome = await LookUpResourcesAsync(jobId, job, lookup, cancellationToken).ConfigureAwait(false);
            }

            return new ReadAttempt(outcome.Result, outcome.Sent, outcome.RetryAfter);
        }

        /// <summary>
        /// After a job succeeded whose answer names no resource (an order): one request for its
        /// resources. A transient failure of it is the read's (read again later, so a wait still
        /// learns them); any other leaves the job as read, without resources, and says so in the log.
        /// </summary>
        private async Task<Outcome> LookUpResourcesAsync(string jobId, CloudJob job, ResourceLookup lookup, CancellationToken cancellationToken)
        {
            Uri uri = lookup.UriFor(Connection.Endpoint);
            byte[] body = lookup.Body(jobId);
            IReadOnlyList<string>? found = null;
            Outcome Read(string answer, string? requestId)
            {
                found = lookup.Read(answer);
                return found != null
                    ? new Outcome(CloudJobResult.Success(jobId, job))
                    : new Outcome(Fail(CloudJobFailureKind.InvalidResponse, jobId, $"The resources of job '{jobId}' from {Host} could not be read: the answer has no '{lookup.List}' list{RequestIdText(requestId)}.", 200, requestId: requestId));
            }

            Outcome outcome = await SendAndReadAsync(jobId, uri, mayRenew: true, cancellationToken, Read, body).ConfigureAwait(false);
            if (outcome.Renewed)
            {
                outcome = await SendAndReadAsync(jobId, uri, mayRenew: false, cancellationToken, Read, body).ConfigureAwait(false);
            }

            if (found != null)
            {
                if (found.Count == 0)
                {
                    _log?.Invoke($"Job '{jobId}' completed, and POST {lookup.Path} lists no resource of it yet.");
                }

                return new Outcome(CloudJobResult.Success(jobId, job.WithResourceIds(found)), sent: true);
            }

            CloudJobFailure failure = outcome.Result.Failure!;
            if (failure.IsTransient)
            {
                return outcome;
            }

            _log?.Invoke(Connection.Authenticator.Redact($"Job '{jobId}' completed, but its resources could not be looked up: {failure.Message}"));
            return new Outcome(CloudJobResult.Success(jobId, job), sent: true);
        }

        /// <summary>Yearly/monthly creations answer with an order id ("CS2405161952CE7IU"), which no job API knows:
        /// said when one is read from a job service.</summary>
        private string OrderHint(string jobId) =>
            Connection.Service.ResourceLookup == null && System.Text.RegularExpressions.Regex.IsMatch(jobId, "^CS[0-9]{10}[0-9A-Za-z]+$")
                ? $"'{jobId}' looks like the order id of a yearly/monthly purchase: read it with -Service Order (the Chinese site) or -Service OrderIntl (the international site). "
                : string.Empty;

        /// <summary>One line for the log, from any thread; built only when someone reads it.</summary>
        internal void Log(Func<string> line) => _log?.Invoke(line());

        internal bool Logs => _log != null;

        public void Dispose() => _ownScheduler?.Dispose();

        /// <param name="on200">Reads a 200 answer that is not a job's (a resource lookup); null for the job itself.</param>
        /// <param name="postBody">A JSON body to POST instead of a GET.</param>
        private async Task<Outcome> SendAndReadAsync(string jobId, Uri uri, bool mayRenew, CancellationToken cancellationToken, Func<string, string?, Outcome>? on200 = null, byte[]? postBody = null)
        {
            using var request = new HttpRequestMessage(postBody == null ? HttpMethod.Get : HttpMethod.Post, uri);
            if (postBody != null)
            {
                request.Content = new ByteArrayContent(postBody);
                request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            }

            if (Connection.Service.Owner?.Header is string ownerHeader && Connection.OwnerId != null)
            {
                // An owner the service takes as a header (CAE's X-Environment-ID); an access key signs it with the rest.
                request.Headers.TryAddWithoutValidation(ownerHeader, Connection.OwnerId);
            }

            try
            {
                await Connection.Authenticator.ApplyAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (CredentialException e) when (!cancellationToken.IsCancellationRequested)
            {
                return new Outcome(e.ToFailure(jobId));
            }

            _log?.Invoke(request.Method.Method + " " + uri.AbsoluteUri);

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
                    + $"Check the network path to the endpoint, or allow more time with {_options.RequestTimeoutParameter}.",
                    exception: e), sent: true);
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
                    exception: e), sent: true);
            }

            if (body == null)
            {
                response.Dispose();
                return new Outcome(Fail(
                    CloudJobFailureKind.InvalidResponse,
                    jobId,
                    $"The answer for job '{jobId}' from {Host} is larger than {BoundedContent.LimitText}, so it cannot be a job status; only that much was read. Check -Endpoint.",
                    (int)response.StatusCode), sent: true);
            }

            // Whatever the service or a proxy echoes back, the token goes no further than here.
            body = Connection.Authenticator.Redact(body);
            Outcome outcome;
            using (response)
            {
                string? requestId = Header(response, "X-Request-Id");
                int status = (int)response.StatusCode;
                outcome = (on200 != null && status == 200
                    ? on200(body, requestId)
                    : Interpret(jobId, status, body, requestId, RetryAfterHeader.Read(response, _time.GetUtcNow()), response.Headers.Location)).AsSent();
            }

            if (mayRenew && outcome.Result.Failure is { Kind: CloudJobFailureKind.AuthenticationFailed, TokenExpired: true })
            {
                try
                {
                    if (await Connection.Authenticator.RenewAfterExpiryAsync(request, cancellationToken).ConfigureAwait(false))
                    {
                        _log?.Invoke($"Job '{jobId}': the {Connection.Authenticator.CredentialName} had expired; renewed it, sending again.");
                        return new Outcome(outcome.Result, sent: true, renewed: true);
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
                var origin = new CloudJobResponseParser.Origin(Connection.ProjectId, Connection.Region, Connection.Endpoint, requestId, _time.GetUtcNow(), Connection.DomainId, Connection.Service.OwnerKind, Connection.OwnerId);
                CloudJob? job = CloudJobResponseParser.Parse(Connection.Service, body, jobId, origin, notes, out string? problem, out bool listsNone);
                foreach (string note in notes)
                {
                    _log?.Invoke(Connection.Authenticator.Redact($"Job '{jobId}': {note}"));
                }

                if (listsNone)
                {
                    // A list-answering service says "no such job" with an empty list, not a 404.
                    return new Outcome(Fail(
                        CloudJobFailureKind.NotFound,
                        jobId,
                        $"Job '{jobId}' was not found by {ServiceText} in {Connection.ScopeText} at {Host} ({problem}{RequestIdText(requestId)}). "
                        + "Check the job id, " + (Connection.Service.Owner is JobOwner listOwner ? $"-{listOwner.Parameter} ({listOwner.What}), " : string.Empty) + "the project and -Service; finished jobs are kept only for a limited time.",
                        status,
                        requestId: requestId));
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
                        $"The {Connection.Authenticator.CredentialName} from {SourceText} may not read jobs of {Connection.ScopeText} at {Host} ({said}). "
                        + $"Check the user's {ServiceText} permissions" + (Connection.Service.Scope == JobScope.Project ? " and that the project belongs to the endpoint's region." : "."),
                        status,
                        error,
                        requestId));
                case 404:
                    return new Outcome(Fail(
                        CloudJobFailureKind.NotFound,
                        jobId,
                        $"Job '{jobId}' was not found by {ServiceText} in {Connection.ScopeText} at {Host} ({said}). "
                        + OrderHint(jobId)
                        + "Check the job id, " + (Connection.Service.Owner is JobOwner owner ? $"-{owner.Parameter} ({owner.What}), " : string.Empty) + "the project and -Service (a job is read from the service that started it); finished jobs are kept only for a limited time.",
                        status,
                        error,
                        requestId));
                case 429:
                    return new Outcome(
                        Fail(
                            CloudJobFailureKind.Throttled,
                            jobId,
                            $"The service throttled the request for job '{jobId}' ({said}). "
                            + "JobStatus slows down and tries again; to send fewer requests, lower -ThrottleLimit or set -MaximumRequestRate.",
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

        private static string RequestIdText(string? requestId) => requestId == null ? string.Empty : $", request id {requestId}";

        private static string? Header(HttpResponseMessage response, string name) =>
            response.Headers.TryGetValues(name, out IEnumerable<string>? values) ? values.FirstOrDefault() : null;

        private readonly struct Outcome
        {
            public Outcome(CloudJobResult result, TimeSpan? retryAfter = null, bool sent = false, bool renewed = false)
            {
                Result = result;
                RetryAfter = retryAfter;
                Sent = sent;
                Renewed = renewed;
            }

            public Outcome(CloudJobFailure failure, TimeSpan? retryAfter = null, bool sent = false)
                : this(CloudJobResult.Fail(failure), retryAfter, sent)
            {
            }

            public CloudJobResult Result { get; }

            public TimeSpan? RetryAfter { get; }

            /// <summary>The request reached the endpoint: what came back says something of the service and its host.</summary>
            public bool Sent { get; }

            /// <summary>The credential had expired and was renewed: the request may be sent again.</summary>
            public bool Renewed { get; }

            public Outcome AsSent() => new Outcome(Result, RetryAfter, sent: true, Renewed);
        }
    }
}
