using System;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace JobStatus.Parsing
{
    /// <summary>
    /// Reads begin_time / end_time in every shape the service has been seen to send: a JSON number of
    /// epoch milliseconds, a string of digits, or ISO 8601 with Z, +0800 or +08:00, with or without
    /// fractions, and Go's "2018-08-02 08:12:40.672772389 +0000 UTC". Results are in UTC.
    /// </summary>
    internal static class JobTimeParser
    {
        // Below this, a number is read as epoch seconds: as milliseconds it would be before March 1973.
        private const long SecondsThreshold = 100_000_000_000;

        private static readonly Regex CompactOffset = new Regex(@"([+-]\d{2})(\d{2})$", RegexOptions.CultureInvariant);

        // Go's time.String(), as CCE sends it: "2018-08-02 08:12:40.672772389 +0000 UTC". The zone name
        // after the offset says nothing the offset does not, and .NET reads at most 7 fraction digits.
        private static readonly Regex GoTime = new Regex(
            @"^(?<time>\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2})(?<fraction>\.\d{1,7})?\d* (?<offset>[+-]\d{4}) [A-Z]{2,5}$",
            RegexOptions.CultureInvariant);

        /// <summary>Parses a JSON value; null, absent-like and empty values give null.</summary>
        /// <returns>False when the value is present but is not a time.</returns>
        public static bool TryParse(JsonElement value, out DateTimeOffset? time)
        {
            time = null;
            switch (value.ValueKind)
            {
                case JsonValueKind.Undefined:
                case JsonValueKind.Null:
                    return true;
                case JsonValueKind.Number:
                    if (value.TryGetInt64(out long number))
                    {
                        return TryFromEpoch(number, out time);
                    }

                    if (value.TryGetDouble(out double fractional) && !double.IsNaN(fractional) && !double.IsInfinity(fractional)
                        && Math.Abs(fractional) < long.MaxValue)
                    {
                        return TryFromEpoch((long)Math.Round(fractional), out time);
                    }

                    return false;
                case JsonValueKind.String:
                    return TryParse(value.GetString(), out time);
                default:
                    return false;
            }
        }

        /// <summary>Parses a text value; null, empty and blank give null.</summary>
        /// <returns>False when the text is not a time.</returns>
        public static bool TryParse(string? text, out DateTimeOffset? time)
        {
            time = null;
            string trimmed = text?.Trim() ?? string.Empty;
            if (trimmed.Length == 0)
            {
                return true;
            }

            if (IsDigits(trimmed))
            {
                return long.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out long number)
                    && TryFromEpoch(number, out time);
            }

            // .NET reads +08:00 but not +0800.
            string normalised = CompactOffset.Replace(GoTime.Replace(trimmed, "${time}${fraction} ${offset}"), "$1:$2");
            if (DateTimeOffset.TryParse(
                    normalised,
                    CultureInfo.InvariantCulture,
                    DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces,
                    out DateTimeOffset parsed))
            {
                time = parsed.ToUniversalTime();
                return true;
            }

            return false;
        }

        private static bool TryFromEpoch(long number, out DateTimeOffset? time)
        {
            time = null;
            try
            {
                time = number > -SecondsThreshold && number < SecondsThreshold
                    ? DateTimeOffset.FromUnixTimeSeconds(number)
                    : DateTimeOffset.FromUnixTimeMilliseconds(number);
                return true;
            }
            catch (ArgumentOutOfRangeException)
            {
                return false;
            }
        }

        private static bool IsDigits(string text)
        {
            foreach (char c in text)
            {
                if (c < '0' || c > '9')
                {
                    return false;
                }
            }

            return true;
        }
    }
}
