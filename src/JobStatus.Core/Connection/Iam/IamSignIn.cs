using System;
using System.Security;

namespace JobStatus.Connection.Iam
{
    /// <summary>What an IAM password sign-in needs: user, password, account (domain), project scope and IAM endpoint.</summary>
    internal sealed class IamSignIn
    {
        public static readonly Uri DefaultEndpoint = new Uri("https://iam.myhuaweicloud.com");

        public IamSignIn(string userName, SecureString password, string domainName, string? projectId, string? projectName, Uri? iamEndpoint = null)
        {
            UserName = userName?.Trim() ?? throw new ArgumentNullException(nameof(userName));
            Password = password ?? throw new ArgumentNullException(nameof(password));
            DomainName = domainName?.Trim() ?? throw new ArgumentNullException(nameof(domainName));
            ProjectId = string.IsNullOrWhiteSpace(projectId) ? null : projectId!.Trim();
            ProjectName = string.IsNullOrWhiteSpace(projectName) ? null : projectName!.Trim();
            IamEndpoint = iamEndpoint ?? DefaultEndpoint;
        }

        public string UserName { get; }

        public SecureString Password { get; }

        public string DomainName { get; }

        /// <summary>The project scope by id; wins over <see cref="ProjectName"/>.</summary>
        public string? ProjectId { get; }

        public string? ProjectName { get; }

        public Uri IamEndpoint { get; }

        /// <summary>Why a sign-in cannot even be tried, or null. Never quotes the password.</summary>
        public string? Check()
        {
            if (UserName.Length == 0)
            {
                return "The user name of -Credential is empty.";
            }

            if (Password.Length == 0)
            {
                return "The password of -Credential is empty.";
            }

            if (DomainName.Length == 0)
            {
                return "The account name (-DomainName) is empty.";
            }

            if (ProjectId == null && ProjectName == null)
            {
                return "A sign-in needs a project scope: give -ProjectId or -ProjectName (such as cn-north-4).";
            }

            if (EndpointRules.Check(IamEndpoint) is string endpointProblem)
            {
                return "-IamEndpoint cannot be used: " + endpointProblem.Replace("The endpoint", "The IAM endpoint");
            }

            if (EndpointRules.IsUnencryptedRemote(IamEndpoint))
            {
                return $"The IAM endpoint {EndpointRules.Display(IamEndpoint)} uses plain http, so the password would cross the network unencrypted; use https.";
            }

            return null;
        }

        /// <summary>"user 'alice' of account 'acme'", for messages.</summary>
        public string Describe() => $"user '{UserName}' of account '{DomainName}'";
    }
}
