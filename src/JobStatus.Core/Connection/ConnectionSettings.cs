using System;
using System.Security;

namespace JobStatus.Connection
{
    /// <summary>One layer of connection values: what the parameters or the session supply. Any may be null.</summary>
    internal sealed class ConnectionSettings
    {
        /// <param name="credential">An access key or password sign-in; a <paramref name="token"/> is used when it is null.</param>
        public ConnectionSettings(SecureString? token = null, string? projectId = null, string? region = null, Uri? endpoint = null, CloudCredential? credential = null, string? domainId = null)
        {
            DomainId = Blank(domainId) ? null : domainId!.Trim();
            Token = token;
            ProjectId = Blank(projectId) ? null : projectId!.Trim();
            Region = Blank(region) ? null : region!.Trim();
            Endpoint = endpoint;
            Credential = credential ?? (token == null ? null : new TokenCredential(token));
        }

        public SecureString? Token { get; }

        public string? ProjectId { get; }

        /// <summary>The account (domain) id: Global EIP's path holds it, and access keys sign account-wide and global services with it.</summary>
        public string? DomainId { get; }

        public string? Region { get; }

        public Uri? Endpoint { get; }

        /// <summary>How this layer authenticates, if it says: a token, an access key or a password sign-in.</summary>
        public CloudCredential? Credential { get; }

        private static bool Blank(string? value) => string.IsNullOrWhiteSpace(value);
    }
}
