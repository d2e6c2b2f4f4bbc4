namespace JobStatus.Connection
{
    /// <summary>A resolved value and where it came from.</summary>
    internal sealed class Sourced<T>
        where T : class
    {
        public Sourced(T? value, string source, int layer)
        {
            Value = value;
            Source = source;
            Layer = layer;
        }

        public T? Value { get; }

        /// <summary>One of <see cref="ValueSources"/>: Parameter, Session, Environment:NAME, Default or None.</summary>
        public string Source { get; }

        /// <summary>0 parameter, 1 session, 2 environment; larger means none.</summary>
        internal int Layer { get; }

        public static Sourced<T> Missing { get; } = new Sourced<T>(null, ValueSources.None, int.MaxValue);
    }
}
