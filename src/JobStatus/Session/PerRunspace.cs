using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;

namespace JobStatus.Session
{
    /// <summary>
    /// One value per runspace: two runspaces in one process (jobs, ForEach-Object -Parallel, hosted
    /// automation) never see each other's. Code that runs outside any runspace shares one value.
    /// </summary>
    internal sealed class PerRunspace<T>
        where T : class, new()
    {
        private readonly ConditionalWeakTable<Runspace, T> _table = new ConditionalWeakTable<Runspace, T>();
        private readonly T _withoutRunspace = new T();

        /// <summary>The value of the runspace this thread runs in.</summary>
        public T Current
        {
            get
            {
                Runspace? runspace = Runspace.DefaultRunspace;
                return runspace == null ? _withoutRunspace : _table.GetValue(runspace, _ => new T());
            }
        }
    }
}
