using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace JobStatus.Connection
{
    /// <summary>
    /// Puts credentials on a request. Token today; IAM password (a token fetched and cached) and
    /// AK/SK signing fit behind the same interface later.
    /// </summary>
    public interface IRequestAuthenticator
    {
        /// <summary>A name for people: "Token".</summary>
        string Method { get; }

        /// <summary>Adds the credential to the request, as late as possible, without logging it.</summary>
        Task ApplyAsync(HttpRequestMessage request, CancellationToken cancellationToken);

        /// <summary>Replaces any occurrence of the secret in text that may be shown to a person.</summary>
        string Redact(string text);
    }
}
