using System;
using System.Management.Automation;
using System.Security;
using System.Threading;
using JobStatus.Pipeline;
using JobStatus.Completion;
using JobStatus.Connection;
using JobStatus.Connection.Iam;
using JobStatus.Connection.Signing;
using JobStatus.Errors;
using JobStatus.Session;

namespace JobStatus.Commands
{
    /// <summary>
    /// Connect-CloudJobService: keeps credentials and defaults for this PowerShell session (runspace).
    /// A token or an access key is only checked for form; a password is used at once to sign in to
    /// IAM, so a wrong one fails here, and the token it yields is renewed by later calls.
    /// </summary>
    [Cmdlet(VerbsCommunications.Connect, "CloudJobService", DefaultParameterSetName = TokenSet)]
    [OutputType(typeof(CloudJobContext))]
    public sealed class ConnectCloudJobServiceCommand : PSCmdlet, IDisposable
    {
        private const string TokenSet = "Token";
        private const string PasswordSet = "Password";
        private const string AccessKeySet = "AccessKey";

        private readonly CancellationTokenSource _cancellation = new CancellationTokenSource();

        [Parameter(Mandatory = true, ParameterSetName = TokenSet)]
        [SecureStringTransformation]
        public SecureString Token { get; set; } = new SecureString();

        [Parameter(Mandatory = true, ParameterSetName = PasswordSet)]
        [Credential]
        public PSCredential Credential { get; set; } = PSCredential.Empty;

        [Parameter(Mandatory = true, ParameterSetName = PasswordSet)]
        public string DomainName { get; set; } = string.Empty;

        [Parameter(ParameterSetName = PasswordSet)]
        public string? ProjectName { get; set; }

        [Parameter(ParameterSetName = PasswordSet)]
        public Uri IamEndpoint { get; set; } = IamSignIn.DefaultEndpoint;

        [Parameter(Mandatory = true, ParameterSetName = AccessKeySet)]
        public string AccessKeyId { get; set; } = string.Empty;

        [Parameter(Mandatory = true, ParameterSetName = AccessKeySet)]
        [SecureStringTransformation]
        public SecureString SecretAccessKey { get; set; } = new SecureString();

        [Parameter(ParameterSetName = AccessKeySet)]
        [SecureStringTransformation]
        public SecureString? SecurityToken { get; set; }

        [Parameter]
        [Alias("project_id")]
        public string? ProjectId { get; set; }

        /// <summary>The account (domain) id, for account-wide and global services; a password sign-in learns it.</summary>
        [Parameter]
        [Alias("domain_id")]
        public string? DomainId { get; set; }

        [Parameter]
        [ArgumentCompleter(typeof(AnyServiceRegionCompleter))]
        public string? Region { get; set; }

        [Parameter]
        public Uri? Endpoint { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        public void Dispose() => _cancellation.Dispose();

        protected override void StopProcessing() => _cancellation.Cancel();

        protected override void EndProcessing()
        {
            CloudCredential credential = ParameterSetName switch
            {
                PasswordSet => new PasswordCredential(new IamTokenSource(new IamSignIn(
                    Credential.UserName ?? string.Empty,
                    Credential.Password ?? new SecureString(),
                    DomainName,
                    ProjectId ?? (ProjectName == null ? ConnectionResolver.Resolve(new ConnectionSettings(), null, Environment.GetEnvironmentVariable).ProjectId.Value : null),
                    ProjectName,
                    IamEndpoint))),
                AccessKeySet => new AccessKeyCredential(AccessKeyId, SecretAccessKey, SecurityToken),
                _ => new TokenCredential(Token),
            };
            var settings = new ConnectionSettings(projectId: ProjectId, region: Region, endpoint: Endpoint, credential: credential, domainId: DomainId);

            // Refuse now what every later call would refuse, so the mistake shows where it was made.
            var alone = ConnectionResolver.Resolve(settings, null, _ => null);
            string? problem = credential.Check()
                ?? (settings.ProjectId == null ? null : PathSegmentRules.Check(settings.ProjectId, "project id"))
                ?? (settings.DomainId == null ? null : DomainIdRules.Check(settings.DomainId))
                ?? alone.EndpointProblem;
            if (problem != null)
            {
                ThrowTerminatingError(CloudJobErrorRecords.Custom(
                    problem + " Nothing was stored.",
                    "CloudJobConnectInvalidArgument",
                    ErrorCategory.InvalidArgument,
                    null));
            }

            if (credential is PasswordCredential password)
            {
                IamToken token = SignIn(password.Source);
                if ((settings.ProjectId == null && token.ProjectId != null) || (settings.DomainId == null && token.DomainId != null))
                {
                    // Signed in by project name: the job API needs the id, which IAM has just told us; and
                    // the account's id, which account-wide services (Global EIP) put in their path.
                    settings = new ConnectionSettings(projectId: settings.ProjectId ?? token.ProjectId, region: Region, endpoint: Endpoint, credential: credential, domainId: settings.DomainId ?? token.DomainId);
                }
            }

            CloudJobSessionStore.Current = settings;
            this.WriteNote($"Stored the {Describe(credential)}" + (settings.ProjectId != null ? ", project id" : string.Empty) + (settings.DomainId != null ? ", domain id" : string.Empty)
                + (settings.Region != null ? ", region" : string.Empty) + (settings.Endpoint != null ? ", endpoint" : string.Empty)
                + " for this PowerShell session.");
            if (PassThru)
            {
                WriteObject(GetCloudJobContextCommand.Current(new ConnectionSettings()));
            }
        }

        private IamToken SignIn(IamTokenSource source)
        {
            try
            {
                IamToken token = source.GetAsync(_cancellation.Token).GetAwaiter().GetResult();
                this.WriteNote($"Signed in to IAM at {EndpointRules.Display(source.SignIn.IamEndpoint)} as {source.SignIn.Describe()}; "
                    + $"the token expires at {token.ExpiresAt:u} and is renewed before then.");
                return token;
            }
            catch (OperationCanceledException)
            {
                throw new PipelineStoppedException();
            }
            catch (CredentialException e)
            {
                ThrowTerminatingError(CloudJobErrorRecords.ForFailure(e.ToFailure(string.Empty), source.SignIn.UserName));
                throw;
            }
        }

        private static string Describe(CloudCredential credential) => credential switch
        {
            PasswordCredential password => $"sign-in of {password.Source.SignIn.Describe()}",
            AccessKeyCredential key => $"access key {key.AccessKeyId}" + (key.SecurityToken != null ? " with its security token" : string.Empty),
            _ => "token",
        };
    }
}
