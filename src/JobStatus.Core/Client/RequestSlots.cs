using System;
using System.Threading;

namespace JobStatus.Client
{
    /// <summary>
    /// The requests one command may have in flight at once (-ThrottleLimit), shared by all its
    /// clients: a CSV of jobs in five projects and three services still sends no more than that.
    /// Holds no unmanaged resource, so a request cancelled after its command has gone can still give
    /// its slot back.
    /// </summary>
    public sealed class RequestSlots
    {
        public RequestSlots(int limit) => Semaphore = new SemaphoreSlim(Math.Max(1, limit));

        internal SemaphoreSlim Semaphore { get; }
    }
}
