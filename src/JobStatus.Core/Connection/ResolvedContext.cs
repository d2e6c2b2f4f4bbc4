using System;
using System.Security;
using JobStatus.Services;

namespace JobStatus.Connection
{
    /// <summary>
    /// The values the next request would use, each with its source. Building a
    /// <see cref="CloudJobConnection"/> from it checks that they are complete and safe to use.
    /// </summary>
    internal sealed class ResolvedContext
    {
        internal ResolvedContext(Sourced<CloudCredential> credential, string? credentialProblem, Sourced<string> projectId, Sourced<string> region, Sourced<Uri> endpoint, string? endpointProblem, CloudJobService service, Sourced<string>? domainId = null)
        {
            Service = service;
            DomainId = domainId ?? Sourced<string>.Missing;
            Credential = credential;
            CredentialProblem = credentialProblem;
            Token = credential.Value is TokenCredential token ? new Sourced<SecureString>(token.Token, credential.Source, credential.Layer) : Sourced<SecureString>.Missing;
            ProjectId = projectId;
            Region = region;
            Endpoint = endpoint;
            EndpointProblem = endpointProblem;
        }

        /// <summary>How the next call authenticates: a token, an access key or a password sign-in.</summary>
        public Sourced<CloudCredential> Credential { get; }

        /// <summary>Why the credential found cannot be complete (half an access key pair), if so.</summary>
        public string? CredentialProblem { get; }

        /// <summary>The token, when the credential is one.</summary>
        public Sourced<SecureString> Token { get; }

        public Sourced<string> ProjectId { get; }

        /// <summary>The account (domain) id: -DomainId, the session, HUAWEICLOUD_SDK_DOMAIN_ID or HW_DOMAIN_ID, or the credentials file's domain_id.</summary>
        public Sourced<string> DomainId { get; }

        public Sourced<string> Region { get; }

        /// <summary>The endpoint given, or the one derived from the region (source Default).</summary>
        public Sourced<Uri> Endpoint { get; }

        /// <summary>Why the region or endpoint given cannot be used, if so.</summary>
        public string? EndpointProblem { get; }

        /// <summary>The service whose host the region named.</summary>
        public CloudJobService Service { get; }

        public string AuthenticationMethod => Credential.Value?.Method ?? "None";

        /// <returns>The connection, or null with <paramref name="problem"/> saying why.</returns>
        /// <param name="ownerId">The instance, graph or engine id of the jobs, for a service whose path names one (checked by the caller).</param>
        public CloudJobConnection? TryCreateConnection(bool allowUnencryptedAuthentication, out ConnectionProblem? problem, string? ownerId = null)
        {
            problem = null;
            if (CredentialProblem != null)
            {
                problem = new ConnectionProblem(ConnectionProblemKind.CredentialIncomplete, CredentialProblem + " Nothing was sent.");
                return null;
            }

            if (Credential.Value is not CloudCredential credential)
            {
                problem = new ConnectionProblem(
                    ConnectionProblemKind.TokenMissing,
                    "No credential was found to authenticate to Huawei Cloud. Supply a token with -Token, connect this session with "
                    + "Connect-CloudJobService (-Token, -Credential for an IAM password, or -AccessKeyId and -SecretAccessKey), "
                    + "or set HW_AUTH_TOKEN (OS_AUTH_TOKEN and OS_TOKEN are read too), HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK, "
                    + "or HW_ACCESS_KEY and HW_SECRET_KEY, or write ak and sk to the SDK credentials file (~/.huaweicloud/credentials, [basic]). "
                    + "A token is the X-Subject-Token header of an IAM POST /v3/auth/tokens answer and is valid for 24 hours.");
                return null;
            }

            if (credential.Check() is string credentialProblem)
            {
                bool isToken = credential is TokenCredential;
                string what = isToken ? "token" : credential.Method == CloudCredential.AccessKeyMethod ? "access key" : "sign-in";
                problem = new ConnectionProblem(
                    isToken ? ConnectionProblemKind.TokenInvalid : ConnectionProblemKind.CredentialInvalid,
                    $"The {what} from {ValueSources.Describe(Credential.Source, "Token")} cannot be used: {credentialProblem}");
                return null;
            }

            // The path's scope needs its id; an access key also signs for the project (BasicCredentials)
            // or the account (GlobalCredentials), as the vendor's client for the service does.
            bool signed = credential.Method == CloudCredential.AccessKeyMethod;
            bool needsProject = Service.Scope == JobScope.Project || (signed && !Service.SignsForAccount);
            bool needsDomain = Service.Scope == JobScope.Domain || (signed && Service.SignsForAccount);
            string? projectId = ProjectId.Value;
            if (needsProject && projectId == null)
            {
                problem = new ConnectionProblem(
                    ConnectionProblemKind.ProjectMissing,
                    "No project id was found. Supply one with -ProjectId, store one with Connect-CloudJobService -ProjectId, "
                    + "or set the environment variable HW_PROJECT_ID (OS_PROJECT_ID and HUAWEICLOUD_SDK_PROJECT_ID are read too). "
                    + "It is the 32-character id of the project in the region, shown under My Credentials in the console.");
                return null;
            }

            if (needsProject && PathSegmentRules.Check(projectId, "project id") is string projectProblem)
            {
                problem = new ConnectionProblem(ConnectionProblemKind.ProjectInvalid, $"The project id from {ValueSources.Describe(ProjectId.Source, "ProjectId")} cannot be used: {projectProblem}");
                return null;
            }

            string? domainId = DomainId.Value;
            if (needsDomain && domainId == null)
            {
                string why = Service.Scope == JobScope.Domain
                    ? $"{Service.Name} jobs are account-wide: their path holds the account (domain) id"
                    : $"{Service.Name} is a global service: a request signed with an access key names the account (domain) id in X-Domain-Id, as the vendor's GlobalCredentials do";
                problem = new ConnectionProblem(
                    ConnectionProblemKind.DomainMissing,
                    $"No domain id was found. {why}. Supply it with -DomainId, store it with Connect-CloudJobService -DomainId "
                    + "(a password sign-in stores it by itself), set HUAWEICLOUD_SDK_DOMAIN_ID (HW_DOMAIN_ID is read too), or write domain_id to the SDK credentials file. "
                    + "It is the 32-character Account ID shown under My Credentials in the console.");
                return null;
            }

            if (needsDomain && DomainIdRules.Check(domainId) is string domainProblem)
            {
                problem = new ConnectionProblem(ConnectionProblemKind.DomainInvalid, $"The domain id from {ValueSources.Describe(DomainId.Source, "DomainId")} cannot be used: {domainProblem}");
                return null;
            }

            if (EndpointProblem != null)
            {
                bool regionProblem = Endpoint.Value == null;
                problem = new ConnectionProblem(regionProblem ? ConnectionProblemKind.RegionInvalid : ConnectionProblemKind.EndpointInvalid, EndpointProblem);
                return null;
            }

            if (Endpoint.Value is not Uri endpoint)
            {
                problem = new ConnectionProblem(
                    ConnectionProblemKind.EndpointMissing,
                    "No region or endpoint was found. Supply -Region (for example cn-north-4) or -Endpoint, store one with "
                    + "Connect-CloudJobService, or set the environment variable HW_REGION_NAME (OS_REGION_NAME is read too).");
                return null;
            }

            if (EndpointRules.IsUnencryptedRemote(endpoint) && !allowUnencryptedAuthentication)
            {
                problem = new ConnectionProblem(
                    ConnectionProblemKind.UnencryptedAuthentication,
                    $"The endpoint {EndpointRules.Display(endpoint)} uses plain http, so the {(credential is TokenCredential ? "token" : "credentials")} would cross the network unencrypted. "
                    + "Use an https endpoint, or add -AllowUnencryptedAuthentication if you accept that risk. Nothing was sent.");
                return null;
            }

            // Name the region only when it belongs to this endpoint, not when a lower layer supplied it.
            string? region = Endpoint.Source == ValueSources.Default || Region.Layer <= Endpoint.Layer ? Region.Value : null;
            IRequestAuthenticator authenticator = Service.SignsForAccount
                ? credential.CreateAuthenticator(RequestScope.ForDomain(domainId))
                : credential.CreateAuthenticator(RequestScope.ForProject(projectId ?? string.Empty));
            return new CloudJobConnection(endpoint, needsProject ? projectId : null, region, authenticator, Credential.Source, Service, needsDomain ? domainId : null, ownerId);
        }
    }
}
