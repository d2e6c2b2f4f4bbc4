using JobStatus.Connection;

namespace JobStatus.Session
{
    /// <summary>
    /// The values of Connect-CloudJobService, kept per runspace: two runspaces in one process (jobs,
    /// ForEach-Object -Parallel, hosted automation) never see each other's token.
    /// </summary>
    internal static class CloudJobSessionStore
    {
        private static readonly PerRunspace<Holder> Holders = new PerRunspace<Holder>();

        public static ConnectionSettings? Current
        {
            get => Holders.Current.Settings;
            set => Holders.Current.Settings = value;
        }

        private sealed class Holder
        {
            public ConnectionSettings? Settings { get; set; }
        }
    }
}
