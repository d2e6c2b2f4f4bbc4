using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using JobStatus.Services;

namespace JobStatus.Completion
{
    /// <summary>
    /// Completes -Region of a command with no -Service (Connect-CloudJobService), whose region serves
    /// every later -Service: the regions of all services, each with the services that list it as the tooltip.
    /// </summary>
    public sealed class AnyServiceRegionCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(
            string commandName,
            string parameterName,
            string wordToComplete,
            CommandAst commandAst,
            IDictionary fakeBoundParameters)
        {
            CompletionWord word = CompletionWord.Parse(wordToComplete);
            foreach (string region in CloudJobServices.AnyServiceRegionsStartingWith(word.Text))
            {
                string[] serving = CloudJobServices.Serving(region).Select(s => s.Name).ToArray();
                string[] others = CloudJobServices.All.Select(s => s.Name).Except(serving).ToArray();
                string tooltip = others.Length == 0 ? "Served by every service"
                    : serving.Length > others.Length ? "Served by every service but " + string.Join(", ", others)
                    : "Served by " + string.Join(", ", serving);
                yield return new CompletionResult(word.Quote(region), region, CompletionResultType.ParameterValue, tooltip);
            }
        }
    }
}
