using System;
using System.Management.Automation;
using System.Security;
using JobStatus.Completion;
using JobStatus.Connection;
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

        protected override void EndProcessing() =>
            WriteObject(Current(new ConnectionSettings(Token, ProjectId, Region, Endpoint)));

        internal static CloudJobContext Current(ConnectionSettings parameters)
        {
            ConnectionSettings? session = CloudJobSessionStore.Current;
            return new CloudJobContext(ConnectionResolver.Resolve(parameters, session, Environment.GetEnvironmentVariable), session != null);
        }
    }
}
