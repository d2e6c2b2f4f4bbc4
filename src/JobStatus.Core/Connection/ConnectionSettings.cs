using System;
using System.Security;

namespace JobStatus.Connection
{
    /// <summary>One layer of connection values: what the parameters or the session supply. Any may be null.</summary>
    public sealed class ConnectionSettings
    {
        public ConnectionSettings(SecureString? token = null, string? projectId = null, string? region = null, Uri? endpoint = null)
        {
            Token = token;
            ProjectId = Blank(projectId) ? null : projectId!.Trim();
            Region = Blank(region) ? null : region!.Trim();
            Endpoint = endpoint;
        }

        public SecureString? Token { get; }

        public string? ProjectId { get; }

        public string? Region { get; }

        public Uri? Endpoint { get; }

        private static bool Blank(string? value) => string.IsNullOrWhiteSpace(value);
    }
}
