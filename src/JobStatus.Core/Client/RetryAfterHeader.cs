using System;
using System.Globalization;
using System.Net.Http;
using System.Net.Http.Headers;

namespace JobStatus.Client
{
    /// <summary>
    /// Reads a Retry-After header the way a long wait needs it read: seconds or an HTTP date, and
    /// whatever else a gateway may send (0, a negative number, a number of years, a date long past or
    /// far ahead, garbage) gives a pause between zero and <see cref="Longest"/>, or none.
    /// </summary>
    internal static class RetryAfterHeader
    {
        /// <summary>The longest pause a Retry-After can impose, everywhere: a service that asks for an
        /// hour is read again after five minutes, and a wait never stalls on a typo in a header.</summary>
        public static readonly TimeSpan Longest = TimeSpan.FromMinutes(5);

        /// <summary>The pause the answer asks for, capped; null when it asks for none that can be read.</summary>
        /// <param name="now">The wall clock, only to turn an HTTP date into a pause.</param>
        public static TimeSpan? Read(HttpResponseMessage response, DateTimeOffset now)
        {
            if (!response.Headers.NonValidated.TryGetValues("Retry-After", out HeaderStringValues values))
            {
                return null;
            }

            foreach (string value in values)
            {
                return Parse(value, now);
            }

            return null;
        }

        /// <summary>See <see cref="Read"/>: the text of one header value.</summary>
        public static TimeSpan? Parse(string? text, DateTimeOffset now)
        {
            string value = text?.Trim() ?? string.Empty;
            if (value.Length == 0 || value.Length > 64)
            {
                return null;
            }

            if (IsInteger(value))
            {
                // Any number of digits: "5000000" and "99999999999999999999" are both "a long time".
                if (value[0] == '-')
                {
                    return TimeSpan.Zero;
                }

                return double.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out double seconds) && seconds < Longest.TotalSeconds
                    ? TimeSpan.FromSeconds(seconds)
                    : Longest;
            }

            if (DateTimeOffset.TryParseExact(value, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset date)
                || DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out date))
            {
                TimeSpan wait = date - now;
                return wait <= TimeSpan.Zero ? TimeSpan.Zero : wait >= Longest ? Longest : wait;
            }

            return null;
        }

        private static bool IsInteger(string value)
        {
            int start = value[0] == '-' || value[0] == '+' ? 1 : 0;
            if (start == value.Length)
            {
                return false;
            }

            for (int i = start; i < value.Length; i++)
            {
                if (value[i] < '0' || value[i] > '9')
                {
                    return false;
                }
            }

            return true;
        }
    }
}
