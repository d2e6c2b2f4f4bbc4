using System;

namespace JobStatus.Connection.Iam
{
    /// <summary>An IAM user signed in with a password; its token source is shared by every call of the session.</summary>
    internal sealed class PasswordCredential : CloudCredential
    {
        public PasswordCredential(IamTokenSource source)
        {
            Source = source ?? throw new ArgumentNullException(nameof(source));
        }

        public IamTokenSource Source { get; }

        public override string Method => PasswordMethod;

        public override string? Check() => Source.SignIn.Check();

        public override IRequestAuthenticator CreateAuthenticator(RequestScope scope) => new IamTokenAuthenticator(Source);
    }
}
