using System;
using JobStatus.Connection;
using JobStatus.Connection.Iam;
using JobStatus.Connection.Signing;

namespace JobStatus
{
    /// <summary>What the next call would use and where each value came from. Holds no secret.</summary>
    public sealed class CloudJobContext
    {
        internal CloudJobContext(ResolvedContext resolved, bool isConnected)
        {
            Service = resolved.Service.Name;
            ProjectId = resolved.ProjectId.Value;
            ProjectIdSource = resolved.ProjectId.Source;
            DomainId = resolved.DomainId.Value;
            DomainIdSource = resolved.DomainId.Source;
            Region = resolved.Region.Value;
            RegionSource = resolved.Region.Source;
            Endpoint = resolved.Endpoint.Value;
            EndpointSource = resolved.Endpoint.Source;
            AuthenticationMethod = resolved.AuthenticationMethod;
            CredentialSource = resolved.Credential.Source;
            switch (resolved.Credential.Value)
            {
                case AccessKeyCredential key:
                    AccessKeyId = key.AccessKeyId;
                    SecretAccessKeySource = key.SecretKeySource ?? CredentialSource;
                    SecurityTokenSource = key.SecurityToken == null ? ValueSources.None : key.SecurityTokenSource ?? CredentialSource;
                    break;
                case PasswordCredential password:
                    UserName = password.Source.SignIn.UserName;
                    DomainName = password.Source.SignIn.DomainName;
                    IamEndpoint = password.Source.SignIn.IamEndpoint;
                    TokenExpiresAt = password.Source.Current?.ExpiresAt;
                    break;
            }

            IsConnected = isConnected;
            Problem = resolved.TryCreateConnection(allowUnencryptedAuthentication: true, out ConnectionProblem? problem) == null ? problem?.Message : null;
        }

        /// <summary>The service whose endpoint <see cref="Endpoint"/> is (a region names one host per service).</summary>
        public string Service { get; }

        public string? ProjectId { get; }

        public string ProjectIdSource { get; }

        /// <summary>The account (domain) id account-wide and global services would use, if one was found.</summary>
        public string? DomainId { get; }

        public string DomainIdSource { get; }

        public string? Region { get; }

        public string RegionSource { get; }

        public Uri? Endpoint { get; }

        public string EndpointSource { get; }

        /// <summary>Token, AccessKey, Password or None.</summary>
        public string AuthenticationMethod { get; }

        /// <summary>Where the credential came from: Parameter, Session, Environment:NAME, File:PATH or None.</summary>
        public string CredentialSource { get; }

        /// <summary>The same as <see cref="CredentialSource"/>; the name scripts used before other credentials than tokens existed.</summary>
        public string TokenSource => CredentialSource;

        /// <summary>The access key id (AccessKey only): an identifier sent with every request, not a secret.</summary>
        public string? AccessKeyId { get; }

        /// <summary>Where the secret key came from (AccessKey only); its text is never shown.</summary>
        public string? SecretAccessKeySource { get; }

        /// <summary>Where the security token of temporary keys came from, or None (AccessKey only).</summary>
        public string? SecurityTokenSource { get; }

        /// <summary>The IAM user signed in (Password only).</summary>
        public string? UserName { get; }

        /// <summary>The account (domain) of that user (Password only).</summary>
        public string? DomainName { get; }

        /// <summary>Where the user signs in (Password only).</summary>
        public Uri? IamEndpoint { get; }

        /// <summary>When the current token expires, as IAM said (Password only); it is renewed before then.</summary>
        public DateTimeOffset? TokenExpiresAt { get; }

        /// <summary>True when Connect-CloudJobService stored values for this session.</summary>
        public bool IsConnected { get; }

        /// <summary>Why a call with these values would fail before sending anything, if it would.</summary>
        public string? Problem { get; }

        /// <summary>"AccessKey AKID (Environment:HUAWEICLOUD_SDK_AK)": the method, who, and where from; never a secret.</summary>
        public override string ToString()
        {
            string who = AccessKeyId ?? (UserName != null ? $"{UserName}@{DomainName}" : null) ?? string.Empty;
            return $"{AuthenticationMethod}{(who.Length > 0 ? " " + who : string.Empty)} ({CredentialSource}), project {ProjectId ?? "none"}, endpoint {(Endpoint == null ? "none" : EndpointRules.Display(Endpoint))}";
        }
    }
}
