using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace JobStatus.Connection.Signing
{
    /// <summary>
    /// Signs every request with SDK-HMAC-SHA256 as the vendor's SDKs do: X-Sdk-Date, Host,
    /// X-Project-Id (BasicCredentials) or, for account-wide and global services, X-Domain-Id
    /// (GlobalCredentials) and, for temporary keys, X-Security-Token are set and signed. The secret key
    /// never travels; it becomes text only while the signature is computed.
    /// </summary>
    internal sealed class AccessKeyAuthenticator : IRequestAuthenticator
    {
        public const string ProjectHeader = "X-Project-Id";
        public const string DomainHeader = "X-Domain-Id";
        public const string SecurityTokenHeader = "X-Security-Token";

        private readonly AccessKeyCredential _credential;
        private readonly string _scopeHeader;
        private readonly string _scopeId;
        private readonly Func<DateTimeOffset> _clock;

        public AccessKeyAuthenticator(AccessKeyCredential credential, string projectId, Func<DateTimeOffset>? clock = null)
            : this(credential, RequestScope.ForProject(projectId ?? throw new ArgumentNullException(nameof(projectId))), clock)
        {
        }

        /// <param name="scope">A project (X-Project-Id) or the account (X-Domain-Id); the domain id is required for the account.</param>
        public AccessKeyAuthenticator(AccessKeyCredential credential, RequestScope scope, Func<DateTimeOffset>? clock = null)
        {
            _credential = credential ?? throw new ArgumentNullException(nameof(credential));
            _scopeHeader = scope.IsProject ? ProjectHeader : DomainHeader;
            _scopeId = scope.ProjectId ?? scope.DomainId ?? throw new ArgumentException("An access key signs for a project or an account: give one.", nameof(scope));
            _clock = clock ?? TimeProvider.System.GetUtcNow;
        }

        public string Method => CloudCredential.AccessKeyMethod;

        public string CredentialName => $"access key {_credential.AccessKeyId}";

        public async Task ApplyAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Uri uri = request.RequestUri ?? throw new ArgumentException("The request has no URI.", nameof(request));
            byte[] body = request.Content == null ? Array.Empty<byte>() : await request.Content.ReadAsByteArrayAsync().ConfigureAwait(false);

            // Host is set explicitly so the value signed is the value sent.
            var signed = new List<KeyValuePair<string, string>>
            {
                new KeyValuePair<string, string>("Host", uri.Authority),
                new KeyValuePair<string, string>(SdkHmacSigner.DateHeader, SdkHmacSigner.FormatDate(_clock())),
                new KeyValuePair<string, string>(_scopeHeader, _scopeId),
            };
            if (_credential.SecurityToken != null)
            {
                signed.Add(new KeyValuePair<string, string>(SecurityTokenHeader, SecureStringReader.Reveal(_credential.SecurityToken)));
            }

            // Headers the request already carries (CAE's X-Environment-ID) are signed too, as the vendor's signer
            // signs every header of a request; they are already on it, so they are not added again.
            var carried = new List<KeyValuePair<string, string>>();
            foreach (KeyValuePair<string, IEnumerable<string>> header in request.Headers)
            {
                if (header.Key.IndexOf('_') < 0)
                {
                    carried.Add(new KeyValuePair<string, string>(header.Key, string.Join(",", header.Value)));
                }
            }

            foreach (KeyValuePair<string, string> header in signed)
            {
                if (header.Key == "Host")
                {
                    request.Headers.Host = header.Value;
                }
                else
                {
                    request.Headers.TryAddWithoutValidation(header.Key, header.Value);
                }
            }

            byte[] key = Encoding.UTF8.GetBytes(SecureStringReader.Reveal(_credential.SecretAccessKey));
            try
            {
                signed.AddRange(carried);
                string authorization = SdkHmacSigner.Authorization(_credential.AccessKeyId, key, request.Method.Method, uri.AbsolutePath, uri.Query, signed, body);
                request.Headers.TryAddWithoutValidation("Authorization", authorization);
            }
            finally
            {
                Array.Clear(key, 0, key.Length);
            }
        }

        /// <summary>Every request is signed afresh; there is nothing to renew.</summary>
        public Task<bool> RenewAfterExpiryAsync(HttpRequestMessage rejected, CancellationToken cancellationToken) => Task.FromResult(false);

        public string RejectionAdvice(bool expired) => expired
            ? " Temporary keys expire with their security token: get a new AK/SK and security token and connect again."
            : " Check that the secret key belongs to this key id and that the key is enabled (IAM console, My Credentials, Access Keys),"
              + " and that this computer's clock is right: a signature more than 15 minutes off is refused.";

        public string Redact(string text) => TokenAuthenticator.Redact(text, _credential.SecretAccessKey, _credential.SecurityToken);
    }
}
