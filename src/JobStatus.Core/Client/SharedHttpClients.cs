using System;
using System.Net;
using System.Net.Http;
using System.Reflection;

namespace JobStatus.Client
{
    /// <summary>
    /// One pooled HttpClient per certificate policy for the whole process, so connections are reused
    /// across cmdlet calls and concurrent requests.
    /// </summary>
    internal static class SharedHttpClients
    {
        private static readonly Lazy<HttpClient> Verifying = new Lazy<HttpClient>(() => Create(skipCertificateCheck: false));
        private static readonly Lazy<HttpClient> NotVerifying = new Lazy<HttpClient>(() => Create(skipCertificateCheck: true));

        public static string UserAgent { get; } =
            "JobStatus/" + (typeof(SharedHttpClients).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion?.Split('+')[0] ?? "0");

        public static HttpClient Get(bool skipCertificateCheck) => skipCertificateCheck ? NotVerifying.Value : Verifying.Value;

        private static HttpClient Create(bool skipCertificateCheck)
        {
            var handler = new HttpClientHandler
            {
                // A redirect would carry X-Auth-Token to wherever it points: never follow one.
                AllowAutoRedirect = false,
                UseCookies = false,
                AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
                // The throttle gate is the limit (-ThrottleLimit goes up to 256); a lower cap here would
                // queue requests inside HttpClient with their timeouts already running.
                MaxConnectionsPerServer = 256,
            };
            if (skipCertificateCheck)
            {
                handler.ServerCertificateCustomValidationCallback = (_, _, _, _) => true;
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
