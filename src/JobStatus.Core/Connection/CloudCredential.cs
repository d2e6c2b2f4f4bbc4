namespace JobStatus.Connection
{
    /// <summary>A way to authenticate: a token, an access key pair, or an IAM password sign-in.</summary>
    internal abstract class CloudCredential
    {
        public const string TokenMethod = "Token";
        public const string AccessKeyMethod = "AccessKey";
        public const string PasswordMethod = "Password";

        /// <summary>Token, AccessKey or Password.</summary>
        public abstract string Method { get; }

        /// <summary>Why it cannot be used, or null when it can. Never quotes a secret.</summary>
        public abstract string? Check();

        /// <summary>The authenticator for requests of one project, or of the account (account-wide and global services).</summary>
        public abstract IRequestAuthenticator CreateAuthenticator(RequestScope scope);
    }
}
