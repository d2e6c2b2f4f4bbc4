using System;
using System.Collections.Generic;

namespace JobStatus.Services
{
    /// <summary>
    /// One Huawei Cloud service's job API, described as data: where a job is read (host and path),
    /// how its answer is laid out, what its status words mean, and which regions serve it. The
    /// client, the parser, the cmdlets and completion all work from this; adding a service is
    /// adding one of these to <see cref="CloudJobServices"/>.
    /// </summary>
    internal sealed class CloudJobService
    {
        private const string ProjectPlaceholder = "{project_id}";
        private const string DomainPlaceholder = "{domain_id}";
        private const string JobPlaceholder = "{job_id}";

        private readonly string _pathBeforeJob;
        private readonly string _pathAfterJob;
        private readonly IReadOnlyDictionary<string, string> _endpointExceptions;

        /// <param name="name">The short name users type (-Service ECS): the vendor's own abbreviation.</param>
        /// <param name="displayName">The vendor's name of the service, for messages and completion tooltips.</param>
        /// <param name="hostLabel">The first label of the service's host: https://{hostLabel}.{region}.myhuaweicloud.com.</param>
        /// <param name="pathTemplate">The request path with {job_id}, which may stand in the path or the query
        /// (/v3/{project_id}/jobs?id={job_id}); before it, {project_id} or {domain_id} (or neither, for a global
        /// service) and the <paramref name="owner"/>'s placeholder. Each is percent-encoded as one value.</param>
        /// <param name="shape">Where the answer keeps each field.</param>
        /// <param name="statuses">Every status word the service documents, mapped to its meaning.</param>
        /// <param name="regions">The regions the vendor's SDK lists for the service.</param>
        /// <param name="sources">Where these facts came from (SDK model files, API pages), for the docs.</param>
        /// <param name="aliases">Other names accepted for -Service (EIP for VPC, say).</param>
        /// <param name="endpointExceptions">Region id to the URL the SDK's region file gives, for the regions where it is not the usual pattern.</param>
        /// <param name="notFoundErrorCodes">Error codes with which the service says "no such job" under another status than 404 (RDS answers 400).</param>
        /// <param name="owner">What else the path names (a DMS instance, a GES graph), and the parameter that gives it.</param>
        /// <param name="globalCredentials">True where the vendor's client takes GlobalCredentials (an access key signs with
        /// X-Domain-Id), false where BasicCredentials (X-Project-Id); by default true for a {domain_id} path, false for a
        /// {project_id} one. A global path must say (DNS takes BasicCredentials, UCS and BSS GlobalCredentials).</param>
        public CloudJobService(
            string name,
            string displayName,
            string hostLabel,
            string pathTemplate,
            JobShape shape,
            JobStatusMap statuses,
            IReadOnlyList<string> regions,
            IReadOnlyList<string> sources,
            IReadOnlyList<string>? aliases = null,
            IReadOnlyDictionary<string, string>? endpointExceptions = null,
            IReadOnlyList<string>? notFoundErrorCodes = null,
            DocumentedBudget? requestBudget = null,
            JobOwner? owner = null,
            bool? globalCredentials = null,
            ResourceLookup? resourceLookup = null)
        {
            ResourceLookup = resourceLookup;
            Name = name ?? throw new ArgumentNullException(nameof(name));
            DisplayName = displayName ?? throw new ArgumentNullException(nameof(displayName));
            HostLabel = hostLabel ?? throw new ArgumentNullException(nameof(hostLabel));
            PathTemplate = pathTemplate ?? throw new ArgumentNullException(nameof(pathTemplate));
            Shape = shape ?? throw new ArgumentNullException(nameof(shape));
            Statuses = (statuses ?? throw new ArgumentNullException(nameof(statuses))).Freeze();
            Regions = regions ?? throw new ArgumentNullException(nameof(regions));
            Sources = sources ?? throw new ArgumentNullException(nameof(sources));
            Aliases = aliases ?? Array.Empty<string>();
            _endpointExceptions = endpointExceptions ?? new Dictionary<string, string>();
            NotFoundErrorCodes = notFoundErrorCodes ?? Array.Empty<string>();
            RequestBudget = requestBudget;
            Owner = owner;

            int job = pathTemplate.IndexOf(JobPlaceholder, StringComparison.Ordinal);
            bool project = pathTemplate.Contains(ProjectPlaceholder, StringComparison.Ordinal);
            bool domain = pathTemplate.Contains(DomainPlaceholder, StringComparison.Ordinal);
            string ownerPlaceholder = owner?.PathPlaceholder ?? string.Empty;
            if (!pathTemplate.StartsWith("/", StringComparison.Ordinal) || job < 0 || (project && domain)
                || (owner?.PathPlaceholder != null && pathTemplate.IndexOf(ownerPlaceholder, StringComparison.Ordinal) is int at && (at < 0 || at > job)))
            {
                throw new ArgumentException($"The path template '{pathTemplate}' must start with '/' and hold {JobPlaceholder}, after at most one of {ProjectPlaceholder} and {DomainPlaceholder} and after the owner's placeholder.", nameof(pathTemplate));
            }

            _pathBeforeJob = pathTemplate.Substring(0, job);
            _pathAfterJob = pathTemplate.Substring(job + JobPlaceholder.Length);
            string known = _pathBeforeJob.Replace(ProjectPlaceholder, string.Empty, StringComparison.Ordinal)
                .Replace(DomainPlaceholder, string.Empty, StringComparison.Ordinal);
            if (owner?.PathPlaceholder != null)
            {
                known = known.Replace(ownerPlaceholder, string.Empty, StringComparison.Ordinal);
            }

            if (known.Contains('{') || _pathAfterJob.Contains('{'))
            {
                throw new ArgumentException($"The path template '{pathTemplate}' holds a placeholder the service does not fill.", nameof(pathTemplate));
            }

            Scope = project ? JobScope.Project : domain ? JobScope.Domain : JobScope.Global;
            if ((Scope == JobScope.Global && globalCredentials == null) || (Scope == JobScope.Project && globalCredentials == true) || (Scope == JobScope.Domain && globalCredentials == false))
            {
                throw new ArgumentException($"The service {name} must say how an access key signs for it: a global path takes either, a project path BasicCredentials, a domain path GlobalCredentials.", nameof(globalCredentials));
            }

            SignsForAccount = globalCredentials ?? Scope == JobScope.Domain;
        }

        public string Name { get; }

        public string DisplayName { get; }

        public string HostLabel { get; }

        public string PathTemplate { get; }

        public JobShape Shape { get; }

        public JobStatusMap Statuses { get; }

        public IReadOnlyList<string> Regions { get; }

        public IReadOnlyList<string> Sources { get; }

        public IReadOnlyList<string> Aliases { get; }

        public IReadOnlyList<string> NotFoundErrorCodes { get; }

        /// <summary>Project, account (domain) or global: what the path is scoped by, and how a signed request says whose it is.</summary>
        public JobScope Scope { get; }

        /// <summary>The request that names a succeeded job's resources, where its answer does not (orders); null for most services.</summary>
        public ResourceLookup? ResourceLookup { get; }

        /// <summary>True where an access key signs for the account (X-Domain-Id, the vendor's GlobalCredentials); false where for a project (X-Project-Id).</summary>
        public bool SignsForAccount { get; }

        /// <summary>What else the path names (the instance, graph or engine of the job); null for most services.</summary>
        public JobOwner? Owner { get; }

        /// <summary>The owner's kind; None when the path names only the job.</summary>
        public JobOwnerKind OwnerKind => Owner?.Kind ?? JobOwnerKind.None;

        /// <summary>The call budget the vendor documents for this job API, if it documents one: the default
        /// pace of a command that gives no -MaximumRequestRate.</summary>
        public DocumentedBudget? RequestBudget { get; }

        /// <summary>True when an error answer with this code means the job does not exist.</summary>
        public bool MeansNotFound(string? errorCode)
        {
            foreach (string code in NotFoundErrorCodes)
            {
                if (string.Equals(code, errorCode, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>True when the job id travels in the query string rather than as a path segment.</summary>
        public bool JobIdInQuery => _pathBeforeJob.IndexOf('?') >= 0;

        /// <summary>Everything of a job URL before the escaped job id.</summary>
        /// <param name="scopeId">The project id (project scope) or domain id (domain scope); ignored by a global service.</param>
        /// <param name="ownerId">The owner's id, for a service that has one.</param>
        public string JobUrlPrefix(Uri endpoint, string? scopeId, string? ownerId = null)
        {
            string before = _pathBeforeJob;
            string query = string.Empty;
            int question = before.IndexOf('?');
            if (question >= 0)
            {
                query = before.Substring(question + 1);
                before = before.Substring(0, question);
            }

            before = Fill(Fill(before, Scope == JobScope.Domain ? DomainPlaceholder : ProjectPlaceholder, scopeId), Owner?.PathPlaceholder, ownerId);
            var builder = new UriBuilder(endpoint.Scheme, endpoint.Host, endpoint.Port)
            {
                Path = endpoint.AbsolutePath.TrimEnd('/') + before,
            };
            string prefix = builder.Uri.AbsoluteUri;
            return question >= 0 ? prefix + "?" + query : prefix;
        }

        private static string Fill(string path, string? placeholder, string? value)
        {
            if (placeholder == null || !path.Contains(placeholder, StringComparison.Ordinal))
            {
                return path;
            }

            if (value == null)
            {
                throw new ArgumentNullException(nameof(value), $"The path needs a value for {placeholder}.");
            }

            return path.Replace(placeholder, Uri.EscapeDataString(value), StringComparison.Ordinal);
        }

        /// <summary>What comes after the escaped job id (usually nothing).</summary>
        public string JobUrlSuffix => _pathAfterJob;

        /// <summary>
        /// The vendor's own URL for the region where its region file gives one other than the usual pattern
        /// (<c>endpointExceptions</c>); otherwise, listed or not, https://{hostLabel}.{region}.myhuaweicloud.com
        /// (myhuaweicloud.eu for eu-west-101).
        /// </summary>
        /// <returns>Null when the name cannot be a region (it would change the host); checked before any lookup.</returns>
        public Uri? EndpointFor(string region)
        {
            Uri? usual = Connection.EndpointRules.ForRegion(region, HostLabel);
            if (usual == null)
            {
                return null;
            }

            return _endpointExceptions.TryGetValue(region.Trim().ToLowerInvariant(), out string? host) ? new Uri(host)
                : GlobalEndpoint ?? usual;
        }

        /// <summary>The host of a global service for a region its vendor file does not list (Global EIP:
        /// eip.myhuaweicloud.com; the international site's orders: bss-intl.myhuaweicloud.com): where every
        /// region of the file gives a host with no region in its name, the first region's.</summary>
        public Uri? GlobalEndpoint => _globalEndpoint ??= FindGlobalEndpoint();

        private Uri? _globalEndpoint;

        private Uri? FindGlobalEndpoint()
        {
            string? only = null;
            foreach (string region in Regions)
            {
                if (!_endpointExceptions.TryGetValue(region, out string? host) || host.Contains(region, StringComparison.Ordinal))
                {
                    return null;
                }

                only ??= host;
            }

            return only == null ? null : new Uri(only);
        }

        /// <summary>True for the service's name or one of its aliases, in any case.</summary>
        public bool IsNamed(string? name)
        {
            string text = name?.Trim() ?? string.Empty;
            if (string.Equals(text, Name, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            foreach (string alias in Aliases)
            {
                if (string.Equals(text, alias, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }

        public override string ToString() => Name;
    }
}
