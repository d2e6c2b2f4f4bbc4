using JobStatus.Emulator.Model;

namespace JobStatus.Emulator.Control;

/// <summary>A token as registered. These are fake tokens for a local emulator, so echoing them is fine.</summary>
internal sealed record TokenView(string Token, TokenState State);
