using System;
using System.Net.Http;
using System.Security;
using System.Threading;
using System.Threading.Tasks;

namespace JobStatus.Connection
{
    /// <summary>Sends an IAM token as the X-Auth-Token header, and nowhere else.</summary>
    internal sealed class TokenAuthenticator : IRequestAuthenticator
    {
        public const string HeaderName = "X-Auth-Token";

        private readonly SecureString _token;

        public TokenAuthenticator(SecureString token)
        {
            _token = token ?? throw new ArgumentNullException(nameof(token));
        }

        public string Method => CloudCredential.TokenMethod;

        public string CredentialName => "token";

        public Task ApplyAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.TryAddWithoutValidation(HeaderName, SecureStringReader.Reveal(_token));
            return Task.CompletedTask;
        }

        /// <summary>A token given by the user cannot be renewed here.</summary>
        public Task<bool> RenewAfterExpiryAsync(HttpRequestMessage rejected, CancellationToken cancellationToken) => Task.FromResult(false);

        public string RejectionAdvice(bool expired) => expired
            ? " Get a new token (IAM POST /v3/auth/tokens; tokens last 24 hours) and supply it with -Token, Connect-CloudJobService or HW_AUTH_TOKEN."
              + " To never handle tokens, connect with -Credential (renewed by itself) or an access key instead."
            : " Check that it is a complete IAM user token for this account and region (not an AK/SK), and that the password or keys were not changed since it was issued.";

        public string Redact(string text) => Redact(text, _token);

        /// <summary>Replaces every occurrence of each secret (of 4 characters or more) with ***.</summary>
        public static string Redact(string text, params SecureString?[] secrets)
        {
            if (string.IsNullOrEmpty(text))
            {
                return text;
            }

            foreach (SecureString? secure in secrets)
            {
                // A text shorter than the secret cannot hold it: a job answer is ~150 characters and
                // an IAM token several thousand, so most answers need no copy of the token at all.
                if (secure == null || secure.Length < 4 || text.Length < secure.Length)
                {
                    continue;
                }

                string secret = SecureStringReader.Reveal(secure);
                if (text.IndexOf(secret, StringComparison.Ordinal) >= 0)
                {
                    text = text.Replace(secret, "***");
                }
            }

            return text;
        }

        /// <summary>Why a token cannot be sent as a header, or null when it can. Never quotes the token.</summary>
        public static string? Check(SecureString token)
        {
            string text = SecureStringReader.Reveal(token);
            if (text.Trim().Length == 0)
            {
                return "The token is empty.";
            }

            foreach (char c in text)
            {
                if (c < 0x20 || c == 0x7f || c > 0x7e)
                {
                    return "The token contains a line break, a control character or a non-ASCII character, so it cannot be sent as a header; check how it was copied.";
                }
            }

            return null;
        }
    }
}
