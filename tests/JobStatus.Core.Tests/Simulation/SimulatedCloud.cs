using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;

namespace JobStatus.Tests.Simulation
{
    /// <summary>
    /// A cloud on a fake clock, answering in-process through an HttpMessageHandler: IAM's password
    /// sign-in (tokens that live 24 h), and the job APIs of CFW, ECS, RDS and DDS in their own shapes,
    /// each job finishing at its set time. Faults are windows of the cloud's (true) time: HTML 503
    /// outages, connections reset, 429 storms with a Retry-After, and a 403 from one service. Every
    /// request is counted. Never touches a network: the hosts are .invalid names.
    /// </summary>
    internal sealed class SimulatedCloud : HttpMessageHandler
    {
        public const string ProjectId = "0123456789abcdef0123456789abcdef";
        public static readonly TimeSpan TokenLifetime = TimeSpan.FromHours(24);

        private readonly FakeTimeProvider _time;
        private readonly ConcurrentDictionary<string, SimJob> _jobs = new ConcurrentDictionary<string, SimJob>(StringComparer.Ordinal);
        private readonly List<Fault> _faults = new List<Fault>();
        private readonly object _lock = new object();
        private string _token = string.Empty;
        private DateTimeOffset _tokenExpiry;
        private int _tokens;
        private long _requests;

        public SimulatedCloud(FakeTimeProvider time) => _time = time;

        public int SignIns => Volatile.Read(ref _tokens);

        public long Requests => Interlocked.Read(ref _requests);

        public static Uri EndpointOf(string service) => new Uri($"https://{service.ToLowerInvariant()}.sim.invalid/");

        public void AddJob(string service, string id, DateTimeOffset finishAt) => _jobs[id] = new SimJob(service, id, finishAt);

        public SimJob Job(string id) => _jobs[id];

        public void AddFault(Fault fault)
        {
            lock (_lock)
            {
                _faults.Add(fault);
            }
        }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _requests);
            DateTimeOffset now = _time.GetUtcNow();
            string path = request.RequestUri!.AbsolutePath;
            if (request.Method == HttpMethod.Post && path.EndsWith("/v3/auth/tokens", StringComparison.Ordinal))
            {
                return Task.FromResult(SignIn(now));
            }

            string service = request.RequestUri.Host.Split('.')[0].ToUpperInvariant();
            string id = Uri.UnescapeDataString(path.Substring(path.LastIndexOf('/') + 1));
            if (path.Contains("/jobs") && request.RequestUri.Query.StartsWith("?id=", StringComparison.Ordinal))
            {
                id = Uri.UnescapeDataString(request.RequestUri.Query.Substring(4));
            }

            Fault? fault;
            lock (_lock)
            {
                fault = _faults.LastOrDefault(f => f.From <= now && now < f.To && (f.Service == null || f.Service == service) && (f.JobId == null || f.JobId == id));
                if (fault != null && !fault.Strikes())
                {
                    fault = null;
                }
            }

            if (fault?.Kind == FaultKind.Reset)
            {
                // As SocketsHttpHandler reports a connection reset by the peer.
                throw new HttpRequestException("An error occurred while sending the request.", new IOException("Connection reset by peer"));
            }

            if (fault?.Kind == FaultKind.Html503)
            {
                return Task.FromResult(Answer(HttpStatusCode.ServiceUnavailable, "<html><body><h1>503 Service Unavailable</h1></body></html>", "text/html"));
            }

            string? token = request.Headers.TryGetValues("X-Auth-Token", out IEnumerable<string>? values) ? values.FirstOrDefault() : null;
            lock (_lock)
            {
                if (token != _token || now >= _tokenExpiry)
                {
                    return Task.FromResult(Answer(HttpStatusCode.Unauthorized, "{\"error_code\":\"APIGW.0307\",\"error_msg\":\"The token must be updated: the token has expired.\"}"));
                }
            }

            if (fault?.Kind == FaultKind.Throttle)
            {
                HttpResponseMessage throttled = Answer(
                    (HttpStatusCode)429,
                    "{\"error_code\":\"APIGW.0308\",\"error_msg\":\"The throttling threshold has been reached: policy user over ratelimit,limit:600,time:1 minute\"}");
                throttled.Headers.TryAddWithoutValidation("Retry-After", fault.RetryAfter);
                return Task.FromResult(throttled);
            }

            if (fault?.Kind == FaultKind.Forbidden)
            {
                return Task.FromResult(Answer(HttpStatusCode.Forbidden, "{\"error_code\":\"DBS.280004\",\"error_msg\":\"Policy doesn't allow dds:job:get to be performed.\"}"));
            }

            if (!_jobs.TryGetValue(id, out SimJob? job) || job.Service != service)
            {
                return Task.FromResult(Answer(HttpStatusCode.NotFound, "{\"error_code\":\"Common.0404\",\"error_msg\":\"The job does not exist.\"}"));
            }

            job.CountRead(now);
            return Task.FromResult(Answer(HttpStatusCode.OK, job.Body(now)));
        }

        private HttpResponseMessage SignIn(DateTimeOffset now)
        {
            string token;
            lock (_lock)
            {
                _tokens++;
                token = _token = "sim-token-" + _tokens.ToString(CultureInfo.InvariantCulture);
                _tokenExpiry = now + TokenLifetime;
            }

            string body = "{\"token\":{\"expires_at\":\"" + Iso(now + TokenLifetime) + "\",\"issued_at\":\"" + Iso(now)
                + "\",\"methods\":[\"password\"],\"project\":{\"id\":\"" + ProjectId + "\",\"name\":\"cn-north-4\"}}}";
            HttpResponseMessage answer = Answer(HttpStatusCode.Created, body);
            answer.Headers.TryAddWithoutValidation("X-Subject-Token", token);
            return answer;
        }

        private static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

        private static HttpResponseMessage Answer(HttpStatusCode status, string body, string contentType = "application/json") =>
            new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, contentType) };

        internal enum FaultKind
        {
            Html503,
            Reset,
            Throttle,
            Forbidden,
        }

        internal sealed class Fault
        {
            private readonly Random _random;

            /// <param name="share">The share of the window's requests it strikes, at random (seeded, so a run repeats); 1 by default.</param>
            /// <param name="jobId">Only this job's requests; null for every job of the service.</param>
            public Fault(FaultKind kind, DateTimeOffset from, TimeSpan length, string? service = null, string retryAfter = "", double share = 1, string? jobId = null)
            {
                Kind = kind;
                From = from;
                To = from + length;
                Service = service;
                RetryAfter = retryAfter;
                Share = share;
                JobId = jobId;
                _random = new Random(17);
            }

            public double Share { get; }

            public string? JobId { get; }

            /// <summary>Whether it strikes the next request of its window (called under the cloud's lock).</summary>
            public bool Strikes() => Share >= 1 || _random.NextDouble() < Share;

            public FaultKind Kind { get; }

            public DateTimeOffset From { get; }

            public DateTimeOffset To { get; }

            public string? Service { get; }

            public string RetryAfter { get; }
        }

        internal sealed class SimJob
        {
            private int _reads;
            private int _readsAfterFinish;

            public SimJob(string service, string id, DateTimeOffset finishAt)
            {
                Service = service;
                Id = id;
                FinishAt = finishAt;
            }

            public string Service { get; }

            public string Id { get; }

            public DateTimeOffset FinishAt { get; }

            public int Reads => Volatile.Read(ref _reads);

            /// <summary>Reads answered Finished: a job written once needs one; more are wasted requests.</summary>
            public int ReadsAfterFinish => Volatile.Read(ref _readsAfterFinish);

            public void CountRead(DateTimeOffset now)
            {
                Interlocked.Increment(ref _reads);
                if (now >= FinishAt)
                {
                    Interlocked.Increment(ref _readsAfterFinish);
                }
            }

            public string Body(DateTimeOffset now)
            {
                bool done = now >= FinishAt;
                return Service switch
                {
                    "CFW" => $"{{\"data\":{{\"id\":\"{Id}\",\"status\":\"{(done ? "Success" : "Running")}\"}}}}",
                    "ECS" => $"{{\"status\":\"{(done ? "SUCCESS" : "RUNNING")}\",\"job_id\":\"{Id}\",\"job_type\":\"createServer\",\"entities\":{{}}}}",
                    _ => $"{{\"job\":{{\"id\":\"{Id}\",\"name\":\"CreateInstance\",\"status\":\"{(done ? "Completed" : "Running")}\"}}}}",
                };
            }
        }
    }
}
