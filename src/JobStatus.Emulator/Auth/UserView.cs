namespace JobStatus.Emulator.Auth;

/// <summary>A user as registered, without the password; <c>signInCount</c> counts tokens issued to it,
/// <c>failedSignInCount</c> refused sign-ins.</summary>
internal sealed record UserView(
    string Domain,
    string Name,
    string ProjectId,
    string ProjectName,
    double TokenLifetimeSeconds,
    int SignInCount,
    int FailedSignInCount);
