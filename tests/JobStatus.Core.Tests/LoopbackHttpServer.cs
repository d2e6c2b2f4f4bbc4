using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace JobStatus.Tests
{
    /// <summary>
    /// A small HTTP/1.1 server on 127.0.0.1 for tests of the client over real sockets. Raw TCP rather
    /// than a framework, so a test can answer the way gateways do: HTML error pages, late answers, a
    /// connection dropped without a word. Each request gets the next scripted reply (the last one
    /// repeats), on a connection that is closed after it; every request head is recorded as received.
    /// </summary>
    internal sealed class LoopbackHttpServer : IAsyncDisposable
    {
        private readonly TcpListener _listener;
        private readonly CancellationTokenSource _stop = new CancellationTokenSource();
        private readonly ConcurrentQueue<Reply> _script;
        private readonly ConcurrentQueue<string> _requests = new ConcurrentQueue<string>();
        private readonly ConcurrentQueue<string> _bodies = new ConcurrentQueue<string>();
        private readonly ConcurrentDictionary<Task, bool> _connections = new ConcurrentDictionary<Task, bool>();
        private readonly object _scriptLock = new object();
        private readonly Task _acceptLoop;
        private Reply _last;
        private int _inFlight;
        private int _maxInFlight;

        public LoopbackHttpServer(params Reply[] script)
        {
            if (script.Length == 0)
            {
                throw new ArgumentException("At least one reply is needed.", nameof(script));
            }

            _script = new ConcurrentQueue<Reply>(script);
            _last = script[0];
            _listener = new TcpListener(IPAddress.Loopback, 0);
            _listener.Start(backlog: 64);
            Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
            _acceptLoop = Task.Run(AcceptLoopAsync);
        }

        public int Port { get; }

        public Uri Endpoint => new Uri($"http://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}/");

        /// <summary>Every request head received (request line and headers), in order of arrival.</summary>
        public IReadOnlyList<string> Requests => _requests.ToArray();

        /// <summary>The body of each request, in the order they arrived ("" for none).</summary>
        public IReadOnlyList<string> Bodies => _bodies.ToArray();

        public int RequestCount => _requests.Count;

        /// <summary>The most requests that were being answered at the same moment.</summary>
        public int MaxConcurrentRequests => Volatile.Read(ref _maxInFlight);

        /// <summary>The request target ("/v3/p/jobs/x") of a recorded request head.</summary>
        public static string Target(string head)
        {
            string requestLine = head.Split(new[] { "\r\n" }, StringSplitOptions.None)[0];
            return requestLine.Split(' ')[1];
        }

        /// <summary>The value of a header in a recorded request head, or null.</summary>
        public static string? Header(string head, string name)
        {
            foreach (string line in head.Split(new[] { "\r\n" }, StringSplitOptions.None).Skip(1))
            {
                int colon = line.IndexOf(':');
                if (colon > 0 && string.Equals(line.Substring(0, colon).Trim(), name, StringComparison.OrdinalIgnoreCase))
                {
                    return line.Substring(colon + 1).Trim();
                }
            }

            return null;
        }

        /// <summary>Waits until at least <paramref name="count"/> requests have arrived; throws after <paramref name="timeout"/>.</summary>
        public async Task WaitForRequestsAsync(int count, TimeSpan timeout)
        {
            DateTime deadline = DateTime.UtcNow + timeout;
            while (RequestCount < count)
            {
                if (DateTime.UtcNow > deadline)
                {
                    throw new TimeoutException($"The server saw {RequestCount} requests, not {count}, within {timeout}.");
                }

                await Task.Delay(5).ConfigureAwait(false);
            }
        }

        public async ValueTask DisposeAsync()
        {
            _stop.Cancel();
            _listener.Stop();
            await _acceptLoop.ConfigureAwait(false);
            await Task.WhenAll(_connections.Keys).WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
            _stop.Dispose();
        }

        private async Task AcceptLoopAsync()
        {
            while (!_stop.IsCancellationRequested)
            {
                TcpClient client;
                try
                {
                    client = await _listener.AcceptTcpClientAsync(_stop.Token).ConfigureAwait(false);
                }
                catch (Exception e) when (e is OperationCanceledException || e is SocketException || e is ObjectDisposedException)
                {
                    return;
                }

                Task serving = ServeAsync(client);
                _connections[serving] = true;
            }
        }

        private async Task ServeAsync(TcpClient client)
        {
            CancellationToken token = _stop.Token;
            try
            {
                using (client)
                {
                    NetworkStream stream = client.GetStream();
                    (string? head, byte[] early) = await ReadHeadAsync(stream, token).ConfigureAwait(false);
                    if (head == null)
                    {
                        return;
                    }

                    _bodies.Enqueue(await ReadBodyAsync(stream, head, early, token).ConfigureAwait(false));

                    Reply reply = Next();
                    int now = Interlocked.Increment(ref _inFlight);
                    RaiseMax(now);
                    _requests.Enqueue(head);
                    try
                    {
                        if (reply.Delay > TimeSpan.Zero)
                        {
                            await Task.Delay(reply.Delay, token).ConfigureAwait(false);
                        }
                    }
                    finally
                    {
                        // Before the answer is written: the count must never include a request whose
                        // answer the client may already hold.
                        Interlocked.Decrement(ref _inFlight);
                    }

                    if (reply.Bytes == null)
                    {
                        return;
                    }

                    await stream.WriteAsync(reply.Bytes, token).ConfigureAwait(false);
                    await stream.FlushAsync(token).ConfigureAwait(false);
                    client.Client.Shutdown(SocketShutdown.Send);
                }
            }
            catch (Exception e) when (e is OperationCanceledException || e is IOException || e is SocketException || e is ObjectDisposedException)
            {
                // The client went away or the server is stopping.
            }
        }

        private Reply Next()
        {
            lock (_scriptLock)
            {
                if (_script.TryDequeue(out Reply? next))
                {
                    _last = next;
                }

                return _last;
            }
        }

        private void RaiseMax(int now)
        {
            int seen;
            do
            {
                seen = Volatile.Read(ref _maxInFlight);
                if (seen >= now)
                {
                    return;
                }
            }
            while (Interlocked.CompareExchange(ref _maxInFlight, now, seen) != seen);
        }

        /// <returns>The head, and the bytes of the body that came with it.</returns>
        private static async Task<(string?, byte[])> ReadHeadAsync(NetworkStream stream, CancellationToken token)
        {
            var received = new List<byte>();
            var buffer = new byte[4096];
            while (received.Count < 64 * 1024)
            {
                int read = await stream.ReadAsync(buffer, token).ConfigureAwait(false);
                if (read == 0)
                {
                    return (null, Array.Empty<byte>());
                }

                received.AddRange(buffer.Take(read));
                string text = Encoding.Latin1.GetString(received.ToArray());
                int end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
                if (end >= 0)
                {
                    return (text.Substring(0, end), received.Skip(end + 4).ToArray());
                }
            }

            return (null, Array.Empty<byte>());
        }

        /// <summary>The body of Content-Length bytes (none without the header), as UTF-8.</summary>
        private static async Task<string> ReadBodyAsync(NetworkStream stream, string head, byte[] early, CancellationToken token)
        {
            string? length = Header(head, "Content-Length");
            if (length == null || !int.TryParse(length, NumberStyles.Integer, CultureInfo.InvariantCulture, out int total))
            {
                return string.Empty;
            }

            var body = new List<byte>(early);
            var buffer = new byte[4096];
            while (body.Count < total)
            {
                int read = await stream.ReadAsync(buffer, token).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                body.AddRange(buffer.Take(read));
            }

            return Encoding.UTF8.GetString(body.ToArray(), 0, Math.Min(body.Count, total));
        }

        /// <summary>One scripted answer: bytes to send (none: drop the connection), after an optional delay.</summary>
        public sealed class Reply
        {
            private Reply(byte[]? bytes, TimeSpan delay)
            {
                Bytes = bytes;
                Delay = delay;
            }

            public byte[]? Bytes { get; }

            public TimeSpan Delay { get; }

            public static Reply Json(int status, string body, params (string Name, string Value)[] headers) =>
                With(status, "application/json;charset=UTF-8", body, headers);

            public static Reply Html(int status, string html, params (string Name, string Value)[] headers) =>
                With(status, "text/html", html, headers);

            /// <summary>Any status, content type and body, with extra headers.</summary>
            public static Reply With(int status, string contentType, string body, params (string Name, string Value)[] headers)
            {
                byte[] content = Encoding.UTF8.GetBytes(body);
                var head = new StringBuilder();
                head.Append("HTTP/1.1 ").Append(status.ToString(CultureInfo.InvariantCulture)).Append(" Scripted\r\n");
                head.Append("Content-Type: ").Append(contentType).Append("\r\n");
                head.Append("Content-Length: ").Append(content.Length.ToString(CultureInfo.InvariantCulture)).Append("\r\n");
                head.Append("Connection: close\r\n");
                foreach ((string name, string value) in headers)
                {
                    head.Append(name).Append(": ").Append(value).Append("\r\n");
                }

                head.Append("\r\n");
                return new Reply(Encoding.ASCII.GetBytes(head.ToString()).Concat(content).ToArray(), TimeSpan.Zero);
            }

            /// <summary>Exactly these characters, then the connection is closed: for answers cut short or malformed.</summary>
            public static Reply Raw(string text) => new Reply(Encoding.UTF8.GetBytes(text), TimeSpan.Zero);

            /// <summary>Closes the connection after reading the request, without answering.</summary>
            public static Reply Drop() => new Reply(null, TimeSpan.Zero);

            /// <summary>The same answer, sent only after <paramref name="delay"/>.</summary>
            public Reply After(TimeSpan delay) => new Reply(Bytes, delay);
        }
    }
}
