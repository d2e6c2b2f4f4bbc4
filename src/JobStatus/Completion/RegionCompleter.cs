using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;
using JobStatus.Connection;
using JobStatus.Services;

namespace JobStatus.Completion
{
    /// <summary>
    /// Completes -Region with the regions that serve the service named by -Service (CFW when none is
    /// typed yet, or the name is unknown), each with that service's endpoint as the tooltip.
    /// </summary>
    public sealed class RegionCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(
            string commandName,
            string parameterName,
            string wordToComplete,
            CommandAst commandAst,
            IDictionary fakeBoundParameters)
        {
            string? named = fakeBoundParameters?["Service"] as string;
            CloudJobService service = CloudJobServices.Find(named) ?? CloudJobServices.Default;
            CompletionWord word = CompletionWord.Parse(wordToComplete);
            foreach (string region in CloudJobServices.RegionsStartingWith(service, word.Text))
            {
                string endpoint = service.EndpointFor(region) is System.Uri uri ? EndpointRules.Display(uri) : region;
                yield return new CompletionResult(word.Quote(region), region, CompletionResultType.ParameterValue, endpoint);
            }
        }
    }
}
