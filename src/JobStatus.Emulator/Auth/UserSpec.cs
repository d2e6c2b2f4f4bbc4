namespace JobStatus.Emulator.Auth;

/// <summary>An IAM user that may sign in with POST /v3/auth/tokens.</summary>
internal sealed class UserSpec
{
    /// <summary>The account name.</summary>
    public string? Domain { get; set; }

    public string? Name { get; set; }

    public string? Password { get; set; }

    /// <summary>The project the tokens are scoped to; default the emulator's default project.</summary>
    public string? ProjectId { get; set; }

    /// <summary>The name that scope may be asked by; default cn-north-4.</summary>
    public string? ProjectName { get; set; }

    /// <summary>How long issued tokens live; default <c>--token-lifetime</c> (86400).</summary>
    public double? TokenLifetimeSeconds { get; set; }
}
