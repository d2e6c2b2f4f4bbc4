using System;
using System.Globalization;

namespace JobStatus.Waiting
{
    /// <summary>Lengths of time as people say them in a sentence or a progress line.</summary>
    internal static class Durations
    {
        /// <summary>"45 s", "2 min 5 s", "3 h 2 min", "2 d 4 h".</summary>
        public static string Describe(TimeSpan span)
        {
            if (span < TimeSpan.Zero)
            {
                span = TimeSpan.Zero;
            }

            if (span < TimeSpan.FromMinutes(1))
            {
                return string.Format(CultureInfo.InvariantCulture, "{0:0.#} s", span.TotalSeconds);
            }

            if (span < TimeSpan.FromHours(1))
            {
                return string.Format(CultureInfo.InvariantCulture, "{0} min {1} s", span.Minutes, span.Seconds);
            }

            if (span < TimeSpan.FromDays(1))
            {
                return string.Format(CultureInfo.InvariantCulture, "{0} h {1} min", span.Hours, span.Minutes);
            }

            return string.Format(CultureInfo.InvariantCulture, "{0} d {1} h", (long)span.TotalDays, span.Hours);
        }

        /// <summary>Hours, minutes and seconds, hours not wrapping at a day: "30:00:05".</summary>
        public static string Clock(TimeSpan span)
        {
            if (span < TimeSpan.Zero)
            {
                span = TimeSpan.Zero;
            }

            return string.Format(CultureInfo.InvariantCulture, "{0:00}:{1:00}:{2:00}", (long)span.TotalHours, span.Minutes, span.Seconds);
        }
    }
}
