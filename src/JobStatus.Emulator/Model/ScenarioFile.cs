using System.Collections.Generic;
using JobStatus.Emulator.Auth;

namespace JobStatus.Emulator.Model;

/// <summary>The <c>--scenario</c> file: state applied at startup and again on every reset.</summary>
internal sealed class ScenarioFile
{
    /// <summary>Free text for the reader of the file; ignored.</summary>
    public string? Description { get; set; }

    public List<TokenSpec>? Tokens { get; set; }

    public List<JobSpec>? Jobs { get; set; }

    public List<FaultSpec>? Faults { get; set; }

    public List<AccessKeySpec>? AccessKeys { get; set; }

    public List<UserSpec>? Users { get; set; }
}
