using System;
using JobStatus.Services;

namespace JobStatus.Connection
{
    /// <summary>Everything needed to send a request for one service's jobs: checked and complete.</summary>
    internal sealed class CloudJobConnection
    {
        private string? _jobsPrefix;

        /// <param name="service">Whose job API the requests go to; CFW when null.</param>
        public CloudJobConnection(Uri endpoint, string projectId, string? region, IRequestAuthenticator authenticator, string credentialSource, CloudJobService? service = null)
        {
            Endpoint = endpoint;
            ProjectId = projectId;
            Region = region;
            Authenticator = authenticator;
            CredentialSource = credentialSource;
            Service = service ?? CloudJobServices.Default;
        }

        public Uri Endpoint { get; }

        public string ProjectId { get; }

        public string? Region { get; }

        public IRequestAuthenticator Authenticator { get; }

        /// <summary>Where the credential came from, for messages ("Environment:HW_AUTH_TOKEN").</summary>
        public string CredentialSource { get; }

        public CloudJobService Service { get; }

        /// <summary>The URL of one job: both ids are single, percent-encoded values, in the path or the query as the service has it.</summary>
        public Uri JobUri(string jobId) => new Uri(JobsPrefix + Uri.EscapeDataString(jobId) + Service.JobUrlSuffix);

        /// <summary>Everything of a job URL before the job id, built once per connection rather than for every request.</summary>
        private string JobsPrefix => _jobsPrefix ??= Service.JobUrlPrefix(Endpoint, ProjectId);
    }
}
