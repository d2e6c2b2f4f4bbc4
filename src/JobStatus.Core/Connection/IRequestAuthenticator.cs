using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace JobStatus.Connection
{
    /// <summary>
    /// Puts credentials on a request: a token as X-Auth-Token, a token fetched from IAM with a
    /// password (cached and renewed), or an SDK-HMAC-SHA256 signature made with an access key pair.
    /// </summary>
    internal interface IRequestAuthenticator
    {
        /// <summary>A name for people: "Token", "Password" or "AccessKey".</summary>
        string Method { get; }

        /// <summary>What a rejection refers to, in a sentence: "token", "access key".</summary>
        string CredentialName { get; }

        /// <summary>Adds the credential to the request, as late as possible, without logging it.</summary>
        /// <exception cref="CredentialException">No credential could be obtained (IAM refused or did not answer).</exception>
        Task ApplyAsync(HttpRequestMessage request, CancellationToken cancellationToken);

        /// <summary>
        /// After the service said the credential on <paramref name="rejected"/> has expired: gets a
        /// fresh one if this authenticator can. Concurrent callers share one renewal.
        /// </summary>
        /// <returns>True when sending the request again may succeed.</returns>
        /// <exception cref="CredentialException">The renewal itself failed.</exception>
        Task<bool> RenewAfterExpiryAsync(HttpRequestMessage rejected, CancellationToken cancellationToken);

        /// <summary>What to do after a 401, for the end of the error message.</summary>
        string RejectionAdvice(bool expired);

        /// <summary>Replaces any occurrence of a secret in text that may be shown to a person.</summary>
        string Redact(string text);
    }
}
