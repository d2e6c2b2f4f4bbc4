namespace JobStatus.Connection
{
    /// <summary>A resolved value and where it came from.</summary>
    public sealed class Sourced<T>
        where T : class
    {
        public const string Parameter = "Parameter";
        public const string Session = "Session";
        public const string Default = "Default";
        public const string None = "None";

        public Sourced(T? value, string source, int layer)
        {
            Value = value;
            Source = source;
            Layer = layer;
        }

        public T? Value { get; }

        /// <summary>Parameter, Session, Environment:NAME, Default or None.</summary>
        public string Source { get; }

        /// <summary>0 parameter, 1 session, 2 environment; larger means none.</summary>
        internal int Layer { get; }

        public static Sourced<T> Missing { get; } = new Sourced<T>(null, None, int.MaxValue);

        public static string Environment(string variable) => "Environment:" + variable;
    }
}
