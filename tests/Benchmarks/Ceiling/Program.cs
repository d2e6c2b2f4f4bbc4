using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace JobStatus.Benchmarks.Ceiling;

/// <summary>
/// Reads every id of --ids-file from the job API with --concurrency requests in flight, --repeat
/// times after one warm-up, and prints one line per timed run: seconds, jobs read and the CPU
/// seconds this process used (to tell whether the client or the emulator is the limit). Each answer
/// is read whole and its data.status taken out, the least any useful client does. Exit code 1 when
/// an answer is not a 200 job body, so a broken setup never passes as a fast one.
/// </summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        string? url = null, project = null, token = null, idsFile = null;
        int concurrency = 16, repeat = 3;
        for (int i = 0; i + 1 < args.Length; i += 2)
        {
            string value = args[i + 1];
            switch (args[i])
            {
                case "--url": url = value.TrimEnd('/'); break;
                case "--project": project = value; break;
                case "--token": token = value; break;
                case "--ids-file": idsFile = value; break;
                case "--concurrency": concurrency = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "--repeat": repeat = int.Parse(value, CultureInfo.InvariantCulture); break;
                default: return Usage($"unknown option {args[i]}");
            }
        }

        if (url is null || project is null || token is null || idsFile is null || !new Uri(url).IsLoopback)
        {
            return Usage("--url (loopback only), --project, --token and --ids-file are required");
        }

        string[] ids = File.ReadAllLines(idsFile);
        var uris = new Uri[ids.Length];
        for (int i = 0; i < ids.Length; i++)
        {
            uris[i] = new Uri($"{url}/v3/{Uri.EscapeDataString(project)}/jobs/{Uri.EscapeDataString(ids[i])}");
        }

        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, UseCookies = false, AllowAutoRedirect = false });
        http.DefaultRequestHeaders.Add("X-Auth-Token", token);

        for (int run = 0; run <= repeat; run++)
        {
            TimeSpan cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            int read = await ReadAllAsync(http, uris, concurrency);
            double seconds = watch.Elapsed.TotalSeconds;
            double cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
            if (read != uris.Length)
            {
                await Console.Error.WriteLineAsync($"only {read} of {uris.Length} answers were job bodies");
                return 1;
            }

            if (run > 0)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{seconds:0.000000} {read} {cpu:0.000000}"));
            }
        }

        return 0;
    }

    private static async Task<int> ReadAllAsync(HttpClient http, Uri[] uris, int concurrency)
    {
        int next = -1, read = 0;
        var workers = new Task[concurrency];
        for (int w = 0; w < concurrency; w++)
        {
            workers[w] = Task.Run(async () =>
            {
                for (int i = Interlocked.Increment(ref next); i < uris.Length; i = Interlocked.Increment(ref next))
                {
                    using HttpResponseMessage response = await http.GetAsync(uris[i], HttpCompletionOption.ResponseContentRead);
                    byte[] body = await response.Content.ReadAsByteArrayAsync();
                    if (response.IsSuccessStatusCode && HasStatus(body))
                    {
                        Interlocked.Increment(ref read);
                    }
                }
            });
        }

        await Task.WhenAll(workers);
        return read;
    }

    private static bool HasStatus(byte[] body)
    {
        using JsonDocument document = JsonDocument.Parse(body);
        return document.RootElement.TryGetProperty("data", out JsonElement data)
            && data.TryGetProperty("status", out JsonElement status)
            && status.GetString() is { Length: > 0 };
    }

    private static int Usage(string problem)
    {
        Console.Error.WriteLine($"Ceiling: {problem}.");
        Console.Error.WriteLine("usage: Ceiling --url URL --project ID --token TOKEN --ids-file FILE [--concurrency 16] [--repeat 3]");
        return 2;
    }
}
