using System;
using System.Globalization;
using System.Text.Json;
using JobStatus.Parsing;

namespace JobStatus.Tests
{
    public class JobTimeParserTests
    {
        [Theory]
        // The API page's own example: epoch milliseconds as JSON numbers.
        [InlineData("1641370501000", "2022-01-05T08:15:01Z")]
        [InlineData("1641370515000", "2022-01-05T08:15:15Z")]
        [InlineData("\"1641370501000\"", "2022-01-05T08:15:01Z")]
        [InlineData("\" 1641370501000 \"", "2022-01-05T08:15:01Z")]
        [InlineData("1641370501000.4", "2022-01-05T08:15:01Z")]
        [InlineData("1.641370501E12", "2022-01-05T08:15:01Z")]
        // Below 1e11 a number is seconds: as milliseconds it would be before March 1973.
        [InlineData("1641370501", "2022-01-05T08:15:01Z")]
        [InlineData("\"1641370501\"", "2022-01-05T08:15:01Z")]
        [InlineData("99999999999", "5138-11-16T09:46:39Z")]
        [InlineData("100000000000", "1973-03-03T09:46:40Z")]
        [InlineData("253402300799999", "9999-12-31T23:59:59.999Z")]
        // The page's declared string form, in each offset spelling.
        [InlineData("\"2022-01-05T08:15:01Z\"", "2022-01-05T08:15:01Z")]
        [InlineData("\"2022-01-05T08:15:01.250Z\"", "2022-01-05T08:15:01.250Z")]
        [InlineData("\"2022-01-05T08:15:01.701000Z\"", "2022-01-05T08:15:01.701Z")]
        [InlineData("\"2022-01-05T16:15:01+0800\"", "2022-01-05T08:15:01Z")]
        [InlineData("\"2022-01-05T16:15:01+08:00\"", "2022-01-05T08:15:01Z")]
        [InlineData("\"2022-01-05T16:15:01.5+0800\"", "2022-01-05T08:15:01.5Z")]
        [InlineData("\"2022-01-05T02:45:01-0530\"", "2022-01-05T08:15:01Z")]
        [InlineData("\"2022-01-05T02:45:01-05:30\"", "2022-01-05T08:15:01Z")]
        // No offset: read as UTC, never as the machine's local time.
        [InlineData("\"2022-01-05T08:15:01\"", "2022-01-05T08:15:01Z")]
        [InlineData("\"2018-08-02 08:12:40.672772389 +0000 UTC\"", "2018-08-02T08:12:40.6727723Z")]
        [InlineData("\"2018-08-02 16:12:40 +0800 CST\"", "2018-08-02T08:12:40Z")]
        [InlineData("\"2018-08-02 08:12:40.5 +0000 UTC\"", "2018-08-02T08:12:40.5Z")]
        [InlineData("\"  2022-01-05T08:15:01Z  \"", "2022-01-05T08:15:01Z")]
        public void Reads_every_shape_the_service_sends_as_UTC(string json, string expected)
        {
            bool ok = JobTimeParser.TryParse(Json(json), out DateTimeOffset? time);

            Assert.True(ok);
            Assert.NotNull(time);
            Assert.Equal(TimeSpan.Zero, time!.Value.Offset);
            Assert.Equal(Utc(expected), time.Value);
        }

        [Theory]
        [InlineData("null")]
        [InlineData("\"\"")]
        [InlineData("\"   \"")]
        public void Null_and_empty_values_are_no_time_but_not_an_error(string json)
        {
            bool ok = JobTimeParser.TryParse(Json(json), out DateTimeOffset? time);

            Assert.True(ok);
            Assert.Null(time);
        }

        [Fact]
        public void An_absent_value_is_no_time_but_not_an_error()
        {
            bool ok = JobTimeParser.TryParse(default(JsonElement), out DateTimeOffset? time);

            Assert.True(ok);
            Assert.Null(time);
        }

        [Theory]
        [InlineData(null)]
        [InlineData("")]
        [InlineData(" \t ")]
        public void Null_and_blank_text_is_no_time_but_not_an_error(string? text)
        {
            bool ok = JobTimeParser.TryParse(text, out DateTimeOffset? time);

            Assert.True(ok);
            Assert.Null(time);
        }

        [Theory]
        [InlineData("\"yesterday\"")]
        [InlineData("\"2022-13-45T00:00:00Z\"")]
        [InlineData("\"2022-01-05T08:15:01+0800 UTC\"")]
        [InlineData("\"12:00 tomorrow\"")]
        [InlineData("true")]
        [InlineData("false")]
        [InlineData("{}")]
        [InlineData("{\"ms\":1641370501000}")]
        [InlineData("[]")]
        [InlineData("[1641370501000]")]
        // Out of DateTimeOffset's range, or of a long's: refused, never thrown.
        [InlineData("253402300800000")]
        [InlineData("9223372036854775807")]
        [InlineData("-9223372036854775807")]
        [InlineData("99999999999999999999")]
        [InlineData("1e300")]
        [InlineData("-1e300")]
        [InlineData("\"9223372036854775807\"")]
        [InlineData("\"99999999999999999999\"")]
        public void Values_that_are_not_times_are_refused(string json)
        {
            bool ok = JobTimeParser.TryParse(Json(json), out DateTimeOffset? time);

            Assert.False(ok);
            Assert.Null(time);
        }

        [Fact]
        public void The_smallest_long_is_refused_without_throwing()
        {
            // Math.Abs(long.MinValue) overflows: the seconds-or-milliseconds test must not throw.
            bool ok = JobTimeParser.TryParse(Json("-9223372036854775808"), out DateTimeOffset? time);

            Assert.False(ok);
            Assert.Null(time);
        }

        private static JsonElement Json(string json)
        {
            using JsonDocument document = JsonDocument.Parse(json);
            return document.RootElement.Clone();
        }

        private static DateTimeOffset Utc(string iso) =>
            DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
    }
}
