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
            if (ToDebug(cmdlet))
            {
                cmdlet.WriteDebug(text);
            }
            else
            {
                cmdlet.WriteVerbose(text);
            }
        }

        /// <summary>Whether a note would show anywhere: -Verbose, -Debug, or $VerbosePreference in the caller's scope.</summary>
        public static bool NotesShown(this PSCmdlet cmdlet)
        {
            if (cmdlet.MyInvocation.BoundParameters.TryGetValue("Verbose", out object? verbose))
            {
                return LanguagePrimitives.IsTrue(verbose);
            }

            return ToDebug(cmdlet)
                || (LanguagePrimitives.TryConvertTo(cmdlet.GetVariableValue("VerbosePreference"), out ActionPreference preference)
                    && preference != ActionPreference.SilentlyContinue
                    && preference != ActionPreference.Ignore);
        }

        private static bool ToDebug(PSCmdlet cmdlet)
        {
            var bound = cmdlet.MyInvocation.BoundParameters;
            return bound.TryGetValue("Debug", out object? debug) && LanguagePrimitives.IsTrue(debug) && !bound.ContainsKey("Verbose");
        }
    }
}
