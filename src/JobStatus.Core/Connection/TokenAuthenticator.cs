using System;
using System.Net.Http;
using System.Security;
using System.Threading;
using System.Threading.Tasks;

namespace JobStatus.Connection
{
    /// <summary>Sends an IAM token as the X-Auth-Token header, and nowhere else.</summary>
    public sealed class TokenAuthenticator : IRequestAuthenticator
    {
        public const string HeaderName = "X-Auth-Token";

        private readonly SecureString _token;

        public TokenAuthenticator(SecureString token)
        {
            _token = token ?? throw new ArgumentNullException(nameof(token));
        }

        public string Method => "Token";

        public Task ApplyAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.TryAddWithoutValidation(HeaderName, SecureStringReader.Reveal(_token));
            return Task.CompletedTask;
        }

        public string Redact(string text)
        {
            // A text shorter than the token cannot hold it: a job answer is ~150 characters and an
            // IAM token several thousand, so most answers need no copy of the token at all.
            if (string.IsNullOrEmpty(text) || _token.Length < 4 || text.Length < _token.Length)
            {
                return text;
            }

            string secret = SecureStringReader.Reveal(_token);
            return text.IndexOf(secret, StringComparison.Ordinal) < 0 ? text : text.Replace(secret, "***");
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
