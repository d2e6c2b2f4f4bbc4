namespace JobStatus.Emulator.Model;

/// <summary>A token and how the emulated gateway treats it.</summary>
internal sealed class TokenSpec
{
    public string? Token { get; set; }

    public TokenState? State { get; set; }
}
