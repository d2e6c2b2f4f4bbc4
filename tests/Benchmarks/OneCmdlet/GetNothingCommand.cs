using System.Management.Automation;

namespace JobStatus.Benchmarks.OneCmdlet
{
    /// <summary>Does nothing: it exists so that the module has one cmdlet to export.</summary>
    [Cmdlet(VerbsCommon.Get, "Nothing")]
    public sealed class GetNothingCommand : PSCmdlet
    {
        [Parameter(Position = 0)]
        public string? Name { get; set; }

        protected override void ProcessRecord() => WriteObject(Name);
    }
}
