using System;
using System.Security;

namespace JobStatus.Connection.Signing
{
    /// <summary>An access key pair (AK/SK), optionally temporary with a security token; every request is signed with it.</summary>
    internal sealed class AccessKeyCredential : CloudCredential
    {
        /// <param name="secretKeySource">Where the secret key came from, when not where the key id came from.</param>
        public AccessKeyCredential(string accessKeyId, SecureString secretAccessKey, SecureString? securityToken = null, string? secretKeySource = null, string? securityTokenSource = null)
        {
            AccessKeyId = accessKeyId?.Trim() ?? throw new ArgumentNullException(nameof(accessKeyId));
            SecretAccessKey = secretAccessKey ?? throw new ArgumentNullException(nameof(secretAccessKey));
            SecurityToken = securityToken;
            SecretKeySource = secretKeySource;
            SecurityTokenSource = securityToken == null ? null : securityTokenSource;
        }

        /// <summary>The key id: not a secret (it is sent in every Authorization header), shown to identify the key.</summary>
        public string AccessKeyId { get; }

        public SecureString SecretAccessKey { get; }

        public SecureString? SecurityToken { get; }

        public string? SecretKeySource { get; }

        public string? SecurityTokenSource { get; }

        public override string Method => AccessKeyMethod;

        public override string? Check()
        {
            if (AccessKeyId.Length == 0)
            {
                return "The access key id is empty.";
            }

            if (!IsHeaderSafe(AccessKeyId) || AccessKeyId.IndexOf(',') >= 0 || AccessKeyId.IndexOf(' ') >= 0)
            {
                return "The access key id contains a space, a comma, a control character or a non-ASCII character; check how it was copied.";
            }

            if (SecureStringReader.Reveal(SecretAccessKey).Trim().Length == 0)
            {
                return "The secret access key is empty.";
            }

            if (SecurityToken != null && TokenAuthenticator.Check(SecurityToken) is string problem)
            {
                return "The security token cannot be used: " + problem;
            }

            return null;
        }

        public override IRequestAuthenticator CreateAuthenticator(RequestScope scope) => new AccessKeyAuthenticator(this, scope);

        private static bool IsHeaderSafe(string text)
        {
            foreach (char c in text)
            {
                if (c < 0x21 || c > 0x7e)
                {
                    return false;
                }
            }

            return true;
        }
    }
}
