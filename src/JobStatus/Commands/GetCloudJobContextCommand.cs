using System;
using System.Management.Automation;
using System.Security;
using JobStatus.Completion;
using JobStatus.Connection;
using JobStatus.Services;
using JobStatus.Session;

namespace JobStatus.Commands
{
    /// <summary>
    /// Get-CloudJobContext: what the next call would use and where each value came from, without the
    /// token's text. It never fails for a missing value: it shows None and the Problem.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "CloudJobContext")]
    [OutputType(typeof(CloudJobContext))]
    public sealed class GetCloudJobContextCommand : PSCmdlet
    {
        /// <summary>Whose endpoint to show for a region: the same credentials and project serve every service.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(ServiceCompleter))]
        public string Service { get; set; } = CloudJobServices.Default.Name;

        [Parameter]
        [Alias("project_id")]
        public string? ProjectId { get; set; }

        [Parameter]
        [ArgumentCompleter(typeof(RegionCompleter))]
        public string? Region { get; set; }

        [Parameter]
        public Uri? Endpoint { get; set; }

        [Parameter]
        [SecureStringTransformation]
        public SecureString? Token { get; set; }

        protected override void EndProcessing()
        {
            if (CloudJobServices.Find(Service) is not CloudJobService service)
            {
                ThrowTerminatingError(new ErrorRecord(
                    new ArgumentException(CloudJobServices.UnknownNameMessage(Service)),
                    "CloudJobServiceUnknown",
                    ErrorCategory.InvalidArgument,
                    Service));
                return;
            }

            WriteObject(Current(new ConnectionSettings(Token, ProjectId, Region, Endpoint), service));
        }

        internal static CloudJobContext Current(ConnectionSettings parameters, CloudJobService? service = null)
        {
            ConnectionSettings? session = CloudJobSessionStore.Current;
            return new CloudJobContext(ConnectionResolver.Resolve(parameters, session, Environment.GetEnvironmentVariable, service), session != null);
        }
    }
}
