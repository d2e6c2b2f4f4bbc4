using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;
using JobStatus.Session;

namespace JobStatus.Completion
{
    /// <summary>
    /// Completes -JobId with the ids Get-CloudJob and Wait-CloudJob wrote in this runspace, most
    /// recent first. With a literal -ProjectId on the command line, ids seen in other projects are left out.
    /// </summary>
    public sealed class JobIdCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(
            string commandName,
            string parameterName,
            string wordToComplete,
            CommandAst commandAst,
            IDictionary fakeBoundParameters)
        {
            CompletionWord word = CompletionWord.Parse(wordToComplete);
            string? project = fakeBoundParameters != null && fakeBoundParameters.Contains("ProjectId")
                ? fakeBoundParameters["ProjectId"] as string
                : null;
            foreach (SeenJobId seen in RecentJobIdStore.Current.StartingWith(word.Text))
            {
                if (project != null && seen.ProjectId != null && !string.Equals(project, seen.ProjectId, System.StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                string tip = $"{seen.Id}: {seen.Status ?? "status unknown"}" + (seen.ProjectId == null ? string.Empty : $" (project {seen.ProjectId})");
                yield return new CompletionResult(word.Quote(seen.Id), seen.Id, CompletionResultType.ParameterValue, tip);
            }
        }
    }
}
