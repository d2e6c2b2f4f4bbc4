using System;
using System.Security;

namespace JobStatus.Connection.Iam
{
    /// <summary>A token issued by IAM, with when it expires and when to renew it.</summary>
    internal sealed class IamToken
    {
        public IamToken(SecureString value, DateTimeOffset expiresAt, DateTimeOffset localExpiry, DateTimeOffset renewAt, string? projectId, string? domainId = null)
        {
            DomainId = domainId;
            Value = value;
            ExpiresAt = expiresAt;
            LocalExpiry = localExpiry;
            RenewAt = renewAt;
            ProjectId = projectId;
        }

        public SecureString Value { get; }

        /// <summary>token.expires_at as IAM wrote it (its clock).</summary>
        public DateTimeOffset ExpiresAt { get; }

        /// <summary>When it expires by this computer's clock: the lifetime IAM gave, counted from receipt.</summary>
        public DateTimeOffset LocalExpiry { get; }

        /// <summary>After this (local clock) the next request renews it first.</summary>
        public DateTimeOffset RenewAt { get; }

        /// <summary>token.project.id of the answer: the project the token is scoped to.</summary>
        public string? ProjectId { get; }

        /// <summary>token.user.domain.id of the answer: the account (domain) the user belongs to.</summary>
        public string? DomainId { get; }
    }
}
