using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;
using JobStatus.Connection;

namespace JobStatus.Completion
{
    /// <summary>Completes -Region with the regions that serve CFW (<see cref="CfwRegions"/>), each with its endpoint as the tooltip.</summary>
    public sealed class RegionCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(
            string commandName,
            string parameterName,
            string wordToComplete,
            CommandAst commandAst,
            IDictionary fakeBoundParameters)
        {
            CompletionWord word = CompletionWord.Parse(wordToComplete);
            foreach (string region in CfwRegions.StartingWith(word.Text))
            {
                string endpoint = EndpointRules.ForRegion(region)?.GetLeftPart(System.UriPartial.Authority) ?? region;
                yield return new CompletionResult(word.Quote(region), region, CompletionResultType.ParameterValue, endpoint);
            }
        }
    }
}
