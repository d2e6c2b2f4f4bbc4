using System;

namespace JobStatus.Emulator.Model;

/// <summary>A job, fault, token or scenario that cannot be used; the control API answers 400 with
/// the message, startup exits with it.</summary>
internal sealed class InvalidSpecException : Exception
{
    public InvalidSpecException(string message)
        : base(message)
    {
    }

    public InvalidSpecException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
