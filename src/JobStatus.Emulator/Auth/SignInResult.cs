using System;

namespace JobStatus.Emulator.Auth;

/// <summary>What a sign-in gave: a token and its scope, or why there is none.</summary>
internal sealed record SignInResult(
    string? Token,
    DateTimeOffset IssuedAt,
    DateTimeOffset ExpiresAt,
    string? ProjectId,
    string? ProjectName,
    string? UserName,
    string? Domain)
{
    public static readonly SignInResult WrongPassword = new(null, default, default, null, null, null, null);

    public static readonly SignInResult NoSuchProject = new(null, default, default, null, null, null, null);
}
