using System.Management.Automation;
using JobStatus.Pipeline;
using JobStatus.Session;

namespace JobStatus.Commands
{
    /// <summary>Disconnect-CloudJobService: forgets what Connect-CloudJobService stored for this session.</summary>
    [Cmdlet(VerbsCommunications.Disconnect, "CloudJobService")]
    [OutputType(typeof(void))]
    public sealed class DisconnectCloudJobServiceCommand : PSCmdlet
    {
        protected override void EndProcessing()
        {
            bool wasConnected = CloudJobSessionStore.Current != null;
            CloudJobSessionStore.Current = null;
            this.WriteNote(wasConnected ? "Cleared the values stored for this session." : "Nothing was stored for this session.");
        }
    }
}
