namespace JobStatus.Connection
{
    /// <summary>A reason no request can be sent, with a message that lists every way to fix it.</summary>
    internal sealed class ConnectionProblem
    {
        public ConnectionProblem(ConnectionProblemKind kind, string message)
        {
            Kind = kind;
            Message = message;
        }

        public ConnectionProblemKind Kind { get; }

        public string Message { get; }

        public override string ToString() => Message;
    }
}
