using System;

namespace JobStatus.Connection
{
    /// <summary>Everything needed to send a request: checked and complete.</summary>
    public sealed class CloudJobConnection
    {
        private string? _jobsPrefix;

        public CloudJobConnection(Uri endpoint, string projectId, string? region, IRequestAuthenticator authenticator, string credentialSource)
        {
            Endpoint = endpoint;
            ProjectId = projectId;
            Region = region;
            Authenticator = authenticator;
            CredentialSource = credentialSource;
        }

        public Uri Endpoint { get; }

        public string ProjectId { get; }

        public string? Region { get; }

        public IRequestAuthenticator Authenticator { get; }

        /// <summary>Where the credential came from, for messages ("Environment:HW_AUTH_TOKEN").</summary>
        public string CredentialSource { get; }

        /// <summary>The URL of one job: both ids are single, percent-encoded path segments.</summary>
        public Uri JobUri(string jobId) => new Uri(JobsPrefix + Uri.EscapeDataString(jobId));

        /// <summary>Everything of a job URL before the job id, built once per connection rather than for every request.</summary>
        private string JobsPrefix => _jobsPrefix ??= new UriBuilder(Endpoint.Scheme, Endpoint.Host, Endpoint.Port)
        {
            Path = Endpoint.AbsolutePath.TrimEnd('/') + "/v3/" + Uri.EscapeDataString(ProjectId) + "/jobs/",
        }.Uri.AbsoluteUri;
    }
}
