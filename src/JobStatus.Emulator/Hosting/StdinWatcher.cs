using System;
using System.IO;
using System.Threading;
using Microsoft.Extensions.Hosting;

namespace JobStatus.Emulator.Hosting;

/// <summary>Stops the emulator when standard input reaches end-of-file: a test that starts it with
/// a pipe on stdin and then dies closes that pipe, so no orphan server is left listening.</summary>
internal static class StdinWatcher
{
    public static void Start(IHostApplicationLifetime lifetime)
    {
        // A thread of its own: reading stdin blocks, and the thread pool should not lose a thread to it.
        var thread = new Thread(() => WatchUntilEndOfFile(lifetime))
        {
            IsBackground = true,
            Name = "stdin watcher",
        };
        thread.Start();
    }

    private static void WatchUntilEndOfFile(IHostApplicationLifetime lifetime)
    {
        try
        {
            using var stdin = Console.OpenStandardInput();
            var buffer = new byte[4096];
            while (stdin.Read(buffer, 0, buffer.Length) > 0)
            {
                // Input is ignored; only its end matters.
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            // A broken stdin means the parent is gone just as much as end-of-file does.
        }

        lifetime.StopApplication();
    }
}
