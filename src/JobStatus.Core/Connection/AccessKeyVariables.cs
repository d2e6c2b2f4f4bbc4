namespace JobStatus.Connection
{
    /// <summary>The names of one family of access key variables: key id, secret key and (optional) security token.</summary>
    internal sealed class AccessKeyVariables
    {
        public AccessKeyVariables(string accessKeyId, string secretAccessKey, string securityToken)
        {
            AccessKeyId = accessKeyId;
            SecretAccessKey = secretAccessKey;
            SecurityToken = securityToken;
        }

        public string AccessKeyId { get; }

        public string SecretAccessKey { get; }

        public string SecurityToken { get; }
    }
}
