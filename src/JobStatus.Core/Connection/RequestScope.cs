namespace JobStatus.Connection
{
    /// <summary>Whose request a signature speaks for: a project (X-Project-Id, the vendor's BasicCredentials)
    /// or the account (X-Domain-Id, its GlobalCredentials), for account-wide and global services.</summary>
    internal readonly struct RequestScope
    {
        private RequestScope(string? projectId, string? domainId)
        {
            ProjectId = projectId;
            DomainId = domainId;
        }

        public string? ProjectId { get; }

        /// <summary>The account id; null for a global service read with a token (nothing to sign).</summary>
        public string? DomainId { get; }

        public bool IsProject => ProjectId != null;

        public static RequestScope ForProject(string projectId) => new RequestScope(projectId, null);

        public static RequestScope ForDomain(string? domainId) => new RequestScope(null, domainId);
    }
}
