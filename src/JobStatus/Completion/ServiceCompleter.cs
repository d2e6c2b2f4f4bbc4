using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;
using JobStatus.Services;

namespace JobStatus.Completion
{
    /// <summary>Completes -Service with every service JobStatus reads, each with its full name and job path as the tooltip.</summary>
    public sealed class ServiceCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(
            string commandName,
            string parameterName,
            string wordToComplete,
            CommandAst commandAst,
            IDictionary fakeBoundParameters)
        {
            CompletionWord word = CompletionWord.Parse(wordToComplete);
            foreach (CloudJobService service in CloudJobServices.StartingWith(word.Text))
            {
                yield return new CompletionResult(
                    word.Quote(service.Name),
                    service.Name,
                    CompletionResultType.ParameterValue,
                    $"{service.DisplayName}: GET {service.PathTemplate}");
            }
        }
    }
}
