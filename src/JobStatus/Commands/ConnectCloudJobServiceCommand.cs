using System;
using System.Management.Automation;
using System.Security;
using JobStatus.Completion;
using JobStatus.Connection;
using JobStatus.Session;

namespace JobStatus.Commands
{
    /// <summary>
    /// Connect-CloudJobService: keeps credentials and defaults for this PowerShell session (runspace).
    /// Nothing is sent. IAM password and AK/SK parameter sets will join the Token one.
    /// </summary>
    [Cmdlet(VerbsCommunications.Connect, "CloudJobService", DefaultParameterSetName = TokenSet)]
    [OutputType(typeof(CloudJobContext))]
    public sealed class ConnectCloudJobServiceCommand : PSCmdlet
    {
        private const string TokenSet = "Token";

        [Parameter(Mandatory = true, ParameterSetName = TokenSet)]
        [SecureStringTransformation]
        public SecureString Token { get; set; } = new SecureString();

        [Parameter]
        [Alias("project_id")]
        public string? ProjectId { get; set; }

        [Parameter]
        [ArgumentCompleter(typeof(RegionCompleter))]
        public string? Region { get; set; }

        [Parameter]
        public Uri? Endpoint { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void EndProcessing()
        {
            var settings = new ConnectionSettings(Token, ProjectId, Region, Endpoint);

            // Refuse now what every later call would refuse, so the mistake shows where it was made.
            var alone = ConnectionResolver.Resolve(settings, null, _ => null);
            string? problem = TokenAuthenticator.Check(Token)
                ?? (settings.ProjectId == null ? null : PathSegmentRules.Check(settings.ProjectId, "project id"))
                ?? alone.EndpointProblem;
            if (problem != null)
            {
                ThrowTerminatingError(Errors.CloudJobErrorRecords.Custom(
                    problem + " Nothing was stored.",
                    "CloudJobConnectInvalidArgument",
                    ErrorCategory.InvalidArgument,
                    null));
            }

            CloudJobSessionStore.Current = settings;
            WriteVerbose("Stored the token" + (settings.ProjectId != null ? ", project id" : string.Empty)
                + (settings.Region != null ? ", region" : string.Empty) + (settings.Endpoint != null ? ", endpoint" : string.Empty)
                + " for this PowerShell session.");
            if (PassThru)
            {
                WriteObject(GetCloudJobContextCommand.Current(new ConnectionSettings()));
            }
        }
    }
}
