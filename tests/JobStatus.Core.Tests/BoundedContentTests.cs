using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using JobStatus.Client;
using Xunit;

namespace JobStatus.Core.Tests
{
    public class BoundedContentTests
    {
        [Fact]
        public async Task Reads_UTF8_and_drops_a_byte_order_mark()
        {
            byte[] bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat("{\"data\":{\"id\":\"jöb\"}}");
            string? text = await BoundedContent.ReadAsync(Json(new ByteArrayContent(bytes), "utf-8"), CancellationToken.None);
            Assert.Equal("{\"data\":{\"id\":\"jöb\"}}", text);
        }

        [Fact]
        public async Task Decodes_another_declared_charset()
        {
            byte[] bytes = Encoding.Latin1.GetBytes("<html>Passerelle indisponible: réessayez</html>");
            var content = new ByteArrayContent(bytes);
            content.Headers.ContentType = new MediaTypeHeaderValue("text/html") { CharSet = "iso-8859-1" };
            Assert.Equal("<html>Passerelle indisponible: réessayez</html>", await BoundedContent.ReadAsync(content, CancellationToken.None));
        }

        [Fact]
        public async Task Falls_back_to_UTF8_for_a_charset_nobody_knows()
        {
            string? text = await BoundedContent.ReadAsync(Json(new StringContent("{}"), "x-no-such-charset"), CancellationToken.None);
            Assert.Equal("{}", text);
        }

        [Fact]
        public async Task Refuses_a_declared_length_over_the_limit_without_reading_it()
        {
            var stream = new CountingStream(BoundedContent.Limit + 1);
            var content = new StreamContent(stream);
            content.Headers.ContentLength = BoundedContent.Limit + 1;
            Assert.Null(await BoundedContent.ReadAsync(content, CancellationToken.None));
            Assert.Equal(0, stream.BytesRead);
        }

        [Fact]
        public async Task Stops_reading_an_undeclared_body_just_past_the_limit()
        {
            var stream = new CountingStream(50L * 1024 * 1024);
            Assert.Null(await BoundedContent.ReadAsync(new StreamContent(stream), CancellationToken.None));
            Assert.InRange(stream.BytesRead, BoundedContent.Limit, BoundedContent.Limit + (1024 * 1024));
        }

        [Fact]
        public async Task Reads_a_body_of_exactly_the_limit()
        {
            var content = new StreamContent(new CountingStream(BoundedContent.Limit));
            string? text = await BoundedContent.ReadAsync(content, CancellationToken.None);
            Assert.Equal(BoundedContent.Limit, text!.Length);
        }

        [Fact]
        public async Task Stops_when_cancelled_in_the_middle_of_a_body()
        {
            using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
            var content = new StreamContent(new CountingStream(long.MaxValue, TimeSpan.FromMilliseconds(50)));
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => BoundedContent.ReadAsync(content, cancel.Token));
        }

        private static HttpContent Json(HttpContent content, string charset)
        {
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = charset };
            return content;
        }

        /// <summary>An endless source of 'x' that counts what was read, optionally slowly.</summary>
        private sealed class CountingStream : Stream
        {
            private readonly long _length;
            private readonly TimeSpan _delay;

            public CountingStream(long length, TimeSpan delay = default)
            {
                _length = length;
                _delay = delay;
            }

            public long BytesRead { get; private set; }

            public override bool CanRead => true;

            public override bool CanSeek => false;

            public override bool CanWrite => false;

            public override long Length => throw new NotSupportedException();

            public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

            public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count).GetAwaiter().GetResult();

            public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
            {
                if (_delay > TimeSpan.Zero)
                {
                    await Task.Delay(_delay, cancellationToken);
                }

                int n = (int)Math.Min(count, _length - BytesRead);
                buffer.AsSpan(offset, n).Fill((byte)'x');
                BytesRead += n;
                return n;
            }

            public override void Flush()
            {
            }

            public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

            public override void SetLength(long value) => throw new NotSupportedException();

            public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        }
    }

    internal static class ByteArrayExtensions
    {
        public static byte[] Concat(this byte[] first, string text)
        {
            byte[] rest = Encoding.UTF8.GetBytes(text);
            byte[] all = new byte[first.Length + rest.Length];
            first.CopyTo(all, 0);
            rest.CopyTo(all, first.Length);
            return all;
        }
    }
}
