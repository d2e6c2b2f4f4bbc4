using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;
using JobStatus.Connection;

namespace JobStatus.Session
{
    /// <summary>
    /// The values of Connect-CloudJobService, kept per runspace: two runspaces in one process (jobs,
    /// ForEach-Object -Parallel, hosted automation) never see each other's token.
    /// </summary>
    internal static class CloudJobSessionStore
    {
        private static readonly ConditionalWeakTable<Runspace, Holder> Table = new ConditionalWeakTable<Runspace, Holder>();
        private static readonly Holder WithoutRunspace = new Holder();

        public static ConnectionSettings? Current
        {
            get => HolderForThisRunspace().Settings;
            set => HolderForThisRunspace().Settings = value;
        }

        private static Holder HolderForThisRunspace()
        {
            Runspace? runspace = Runspace.DefaultRunspace;
            return runspace == null ? WithoutRunspace : Table.GetValue(runspace, _ => new Holder());
        }

        private sealed class Holder
        {
            public ConnectionSettings? Settings { get; set; }
        }
    }
}
