using System;
using System.Globalization;
using System.Net;
using System.Net.Http;
using System.Reflection;

namespace JobStatus.Client
{
    /// <summary>
    /// One pooled HttpClient per certificate policy for the whole process, so connections are reused
    /// across cmdlet calls and concurrent requests, and renewed: a connection is retired after
    /// <see cref="ConnectionLifetime"/>, so a wait of days follows a DNS change or a load balancer
    /// that moved, and a connect that hangs fails after <see cref="ConnectTimeout"/> as a transient
    /// failure instead of eating the request's whole timeout.
    /// </summary>
    internal static class SharedHttpClients
    {
        /// <summary>Overrides <see cref="ConnectionLifetime"/> in seconds, for tests that show renewal in seconds rather than minutes.</summary>
        public const string LifetimeVariable = "JOBSTATUS_CONNECTION_LIFETIME_SEC";

        public static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(10);

        private static readonly Lazy<HttpClient> Verifying = new Lazy<HttpClient>(() => Create(skipCertificateCheck: false));
        private static readonly Lazy<HttpClient> NotVerifying = new Lazy<HttpClient>(() => Create(skipCertificateCheck: true));

        public static string UserAgent { get; } =
            "JobStatus/" + (typeof(SharedHttpClients).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion?.Split('+')[0] ?? "0");

        /// <summary>Five minutes, or <see cref="LifetimeVariable"/> when it holds a number of seconds above 0.</summary>
        public static TimeSpan ConnectionLifetime { get; } =
            double.TryParse(Environment.GetEnvironmentVariable(LifetimeVariable), NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds) && seconds > 0 && seconds < 86400
                ? TimeSpan.FromSeconds(seconds)
                : TimeSpan.FromMinutes(5);

        public static HttpClient Get(bool skipCertificateCheck) => skipCertificateCheck ? NotVerifying.Value : Verifying.Value;

        private static HttpClient Create(bool skipCertificateCheck)
        {
            var handler = new SocketsHttpHandler
            {
                // A redirect would carry X-Auth-Token to wherever it points: never follow one.
                AllowAutoRedirect = false,
                UseCookies = false,
                AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
                // The scheduler's -ThrottleLimit is the limit (up to 256); a lower cap here would
                // queue requests inside HttpClient with their timeouts already running.
                MaxConnectionsPerServer = 256,
                PooledConnectionLifetime = ConnectionLifetime,
                PooledConnectionIdleTimeout = ConnectionLifetime < TimeSpan.FromMinutes(1) ? ConnectionLifetime : TimeSpan.FromMinutes(1),
                ConnectTimeout = ConnectTimeout,
            };
            if (skipCertificateCheck)
            {
                handler.SslOptions.RemoteCertificateValidationCallback = (_, _, _, _) => true;
            }

            var client = new HttpClient(handler, disposeHandler: true)
            {
                // Each request has its own limit through its CancellationToken.
                Timeout = System.Threading.Timeout.InfiniteTimeSpan,

                // Bodies are read with a limit of their own (BoundedContent); this applies only to
                // whatever might still ask HttpClient to buffer a whole body.
                MaxResponseContentBufferSize = BoundedContent.Limit,
            };
            client.DefaultRequestHeaders.UserAgent.ParseAdd(UserAgent);
            client.DefaultRequestHeaders.Accept.ParseAdd("application/json");
            return client;
        }
    }
}
