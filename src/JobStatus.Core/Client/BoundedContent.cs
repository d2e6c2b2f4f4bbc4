using System;
using System.IO;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace JobStatus.Client
{
    /// <summary>
    /// Reads an answer's body as text, but never more than <see cref="Limit"/> bytes of it: a job
    /// status is a few hundred bytes, and a proxy or a wrong endpoint must not make a runbook hold
    /// an unbounded body in memory. The read honours the request's timeout, so a body that drips
    /// in is a timeout rather than a hang.
    /// </summary>
    internal static class BoundedContent
    {
        public const int Limit = 4 * 1024 * 1024;

        public const string LimitText = "4 MiB";

        /// <returns>The body, or null when it is larger than <see cref="Limit"/> (only as much as that is read).</returns>
        /// <exception cref="IOException">The connection broke while the body was being read.</exception>
        public static async Task<string?> ReadAsync(HttpContent content, CancellationToken cancellationToken)
        {
            long? declared = content.Headers.ContentLength;
            if (declared > Limit)
            {
                return null;
            }

            using Stream stream = await content.ReadAsStreamAsync().ConfigureAwait(false);
            if (declared is long length)
            {
                // The usual case: a few hundred bytes, read straight into an array of their size.
                byte[] bytes = new byte[length];
                int total = 0;
                int read;
                while (total < length && (read = await stream.ReadAsync(bytes, total, (int)length - total, cancellationToken).ConfigureAwait(false)) > 0)
                {
                    total += read;
                }

                return Decode(bytes, total, content.Headers.ContentType?.CharSet);
            }

            using var buffer = new MemoryStream();
            byte[] chunk = new byte[4096];
            int n;
            while ((n = await stream.ReadAsync(chunk, 0, chunk.Length, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + n > Limit)
                {
                    return null;
                }

                buffer.Write(chunk, 0, n);
            }

            return Decode(buffer.GetBuffer(), (int)buffer.Length, content.Headers.ContentType?.CharSet);
        }

        /// <summary>UTF-8 (what the cloud sends) without a look-up; another declared charset, such as a
        /// proxy's GBK error page, through its encoding when this runtime knows it.</summary>
        private static string Decode(byte[] bytes, int count, string? charset)
        {
            Encoding encoding = Encoding.UTF8;
            string name = charset?.Trim('"', ' ') ?? string.Empty;
            if (name.Length > 0 && !name.Equals("utf-8", StringComparison.OrdinalIgnoreCase) && !name.Equals("utf8", StringComparison.OrdinalIgnoreCase))
            {
                try
                {
                    encoding = Encoding.GetEncoding(name);
                }
                catch (ArgumentException)
                {
                    // An unknown charset: UTF-8 is the best guess, and the parser says if it is not JSON.
                }
            }

            int start = 0;
            byte[] preamble = encoding.GetPreamble();
            if (preamble.Length > 0 && count >= preamble.Length)
            {
                start = preamble.Length;
                for (int i = 0; i < preamble.Length; i++)
                {
                    if (bytes[i] != preamble[i])
                    {
                        start = 0;
                        break;
                    }
                }
            }

            return encoding.GetString(bytes, start, count - start);
        }
    }
}
