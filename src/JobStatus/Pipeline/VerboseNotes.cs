using System.Management.Automation;

namespace JobStatus.Pipeline
{
    /// <summary>
    /// Where a cmdlet's progress notes go. PowerShell asks "Continue with this operation?" before
    /// every verbose line of a compiled cmdlet called with -Debug (and fails the call when the host
    /// cannot prompt, as in an unattended runbook), so with -Debug and no -Verbose the notes are
    /// written as debug lines instead: everything shows, nothing prompts.
    /// </summary>
    internal static class VerboseNotes
    {
        /// <summary>Writes <paramref name="text"/> as a verbose line, or as a debug line under -Debug alone. Pipeline thread only.</summary>
        public static void WriteNote(this PSCmdlet cmdlet, string text)
        {
            var bound = cmdlet.MyInvocation.BoundParameters;
            if (bound.TryGetValue("Debug", out object? debug) && debug is SwitchParameter { IsPresent: true } && !bound.ContainsKey("Verbose"))
            {
                cmdlet.WriteDebug(text);
            }
            else
            {
                cmdlet.WriteVerbose(text);
            }
        }
    }
}
