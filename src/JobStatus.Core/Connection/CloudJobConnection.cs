using System;
using JobStatus.Services;

namespace JobStatus.Connection
{
    /// <summary>Everything needed to send a request for one service's jobs: checked and complete.</summary>
    internal sealed class CloudJobConnection
    {
        private string? _jobsPrefix;

        /// <param name="projectId">The project; null only for a service not scoped by one (account-wide or global).</param>
        /// <param name="service">Whose job API the requests go to; CFW when null.</param>
        /// <param name="domainId">The account (domain) id, for a service whose path or signature needs it.</param>
        /// <param name="ownerId">The id of the instance, graph or engine the jobs belong to, for a service whose path names one.</param>
        public CloudJobConnection(Uri endpoint, string? projectId, string? region, IRequestAuthenticator authenticator, string credentialSource, CloudJobService? service = null, string? domainId = null, string? ownerId = null)
        {
            Endpoint = endpoint;
            Region = region;
            Authenticator = authenticator;
            CredentialSource = credentialSource;
            Service = service ?? CloudJobServices.Default;
            ProjectId = Service.Scope == JobScope.Project ? projectId ?? throw new ArgumentNullException(nameof(projectId)) : projectId;
            DomainId = Service.Scope == JobScope.Domain ? domainId ?? throw new ArgumentNullException(nameof(domainId)) : domainId;
            // Null for a service that names an owner only where a connection is described, not used (Get-CloudJobContext).
            OwnerId = Service.Owner == null ? null : ownerId;
        }

        public Uri Endpoint { get; }

        /// <summary>The project; null for a service scoped by the account or by nothing.</summary>
        public string? ProjectId { get; }

        /// <summary>The account (domain) id, when known.</summary>
        public string? DomainId { get; }

        /// <summary>The instance, graph or engine the jobs belong to, for a service that names one.</summary>
        public string? OwnerId { get; }

        public string? Region { get; }

        public IRequestAuthenticator Authenticator { get; }

        /// <summary>Where the credential came from, for messages ("Environment:HW_AUTH_TOKEN").</summary>
        public string CredentialSource { get; }

        public CloudJobService Service { get; }

        /// <summary>What a 403 refuses: one key per project, account or (global) credential, for the lane's refusals and the wait's dedupe.</summary>
        public string ScopeKey => Service.Scope switch
        {
            JobScope.Project => "project " + ProjectId,
            JobScope.Domain => "domain " + DomainId,
            _ => "global",
        } + (OwnerId == null ? string.Empty : "\n" + OwnerId);

        /// <summary>"project 09bb...", "account 0a1b...", "the account": where the jobs are, for messages.</summary>
        public string ScopeText => (Service.Scope switch
        {
            JobScope.Project => $"project {ProjectId}",
            JobScope.Domain => $"account (domain) {DomainId}",
            _ => "the account",
        }) + (OwnerId == null ? string.Empty : $", {Service.Owner!.Parameter} {OwnerId}");

        /// <summary>The URL of one job: every id is a single, percent-encoded value, in the path or the query as the service has it.</summary>
        public Uri JobUri(string jobId) => new Uri(JobsPrefix + Uri.EscapeDataString(jobId) + Service.JobUrlSuffix);

        /// <summary>Everything of a job URL before the job id, built once per connection rather than for every request.</summary>
        private string JobsPrefix => _jobsPrefix ??= Service.JobUrlPrefix(Endpoint, Service.Scope == JobScope.Domain ? DomainId : ProjectId, OwnerId);
    }
}
