using System;
using System.Collections.Concurrent;
using System.Threading;

namespace JobStatus.Pipeline
{
    /// <summary>
    /// How background work talks to the pipeline thread: it posts lines and signals; the pipeline
    /// thread sleeps until a signal, then writes. Write* is never called from another thread.
    /// </summary>
    internal sealed class PipelineMailbox : IDisposable
    {
        private readonly ConcurrentQueue<string> _lines = new ConcurrentQueue<string>();
        private readonly SemaphoreSlim _signal = new SemaphoreSlim(0);

        public void Post(string line)
        {
            _lines.Enqueue(line);
            Signal();
        }

        public void Signal()
        {
            try
            {
                _signal.Release();
            }
            catch (ObjectDisposedException)
            {
                // A request cancelled by Ctrl+C can end after the command is gone: nobody to wake.
            }
        }

        public bool TryTake(out string line) => _lines.TryDequeue(out line!);

        /// <returns>False when <paramref name="timeout"/> passed without a signal.</returns>
        /// <exception cref="OperationCanceledException">When the pipeline is stopping.</exception>
        public bool Wait(TimeSpan timeout, CancellationToken cancellationToken) => _signal.Wait(timeout, cancellationToken);

        public void Dispose() => _signal.Dispose();
    }
}
