using System;
using System.Security;

namespace JobStatus.Connection
{
    /// <summary>An IAM token the user already holds.</summary>
    internal sealed class TokenCredential : CloudCredential
    {
        public TokenCredential(SecureString token)
        {
            Token = token ?? throw new ArgumentNullException(nameof(token));
        }

        public SecureString Token { get; }

        public override string Method => TokenMethod;

        public override string? Check() => TokenAuthenticator.Check(Token);

        public override IRequestAuthenticator CreateAuthenticator(RequestScope scope) => new TokenAuthenticator(Token);
    }
}
