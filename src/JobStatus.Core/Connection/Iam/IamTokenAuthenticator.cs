using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace JobStatus.Connection.Iam
{
    /// <summary>Sends the token of an <see cref="IamTokenSource"/> as X-Auth-Token, renewing it when due or when the service says it expired.</summary>
    internal sealed class IamTokenAuthenticator : IRequestAuthenticator
    {
        private readonly IamTokenSource _source;

        public IamTokenAuthenticator(IamTokenSource source)
        {
            _source = source ?? throw new ArgumentNullException(nameof(source));
        }

        public string Method => CloudCredential.PasswordMethod;

        public string CredentialName => $"token signed in for {_source.SignIn.Describe()}";

        public async Task ApplyAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            IamToken token = await _source.GetAsync(cancellationToken).ConfigureAwait(false);
            request.Headers.TryAddWithoutValidation(TokenAuthenticator.HeaderName, SecureStringReader.Reveal(token.Value));
        }

        public async Task<bool> RenewAfterExpiryAsync(HttpRequestMessage rejected, CancellationToken cancellationToken)
        {
            string? sent = rejected.Headers.TryGetValues(TokenAuthenticator.HeaderName, out IEnumerable<string>? values) ? values.FirstOrDefault() : null;
            IamToken? current = _source.Current;
            // Only the token that was refused is renewed: when many requests meet the same expiry,
            // the first renews and the others find its replacement already there.
            IamToken? stale = current != null && sent == SecureStringReader.Reveal(current.Value) ? current : null;
            if (current != null && stale == null)
            {
                return true;
            }

            await _source.RenewAsync(stale, cancellationToken).ConfigureAwait(false);
            return true;
        }

        public string RejectionAdvice(bool expired) => expired
            ? " JobStatus signed in again and the new token was refused as expired too: check this computer's clock, and that -IamEndpoint belongs to the same cloud as the endpoint."
            : " Check that the user may read this service's jobs in this project and region, and that -IamEndpoint belongs to the same cloud as the endpoint.";

        public string Redact(string text) => _source.Redact(text);
    }
}
