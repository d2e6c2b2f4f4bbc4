using System;
using System.Globalization;
using System.Text.RegularExpressions;

namespace JobStatus.Scheduling
{
    /// <summary>
    /// The policy an API gateway states in a 429: "The throttling threshold has been reached: policy
    /// user over ratelimit,limit:200,time:5 minute" (APIGW.0308) is 200 requests in 5 minutes.
    /// </summary>
    internal static class ThrottlePolicy
    {
        private static readonly Regex Pattern = new Regex(
            @"limit\s*:\s*(?<n>\d{1,9})\s*,\s*time\s*:\s*(?<t>\d{1,9})\s*(?<unit>second|minute|hour|day)s?",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
            TimeSpan.FromSeconds(1));

        /// <summary>The requests a second the policy allows, and the policy as the text put it; false when the text states none.</summary>
        public static bool TryRead(string? text, out double perSecond, out string policy)
        {
            perSecond = 0;
            policy = string.Empty;
            if (string.IsNullOrEmpty(text))
            {
                return false;
            }

            Match match = Pattern.Match(text);
            if (!match.Success)
            {
                return false;
            }

            long limit = long.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture);
            long time = long.Parse(match.Groups["t"].Value, CultureInfo.InvariantCulture);
            double unitSeconds = match.Groups["unit"].Value.ToLowerInvariant() switch
            {
                "second" => 1,
                "minute" => 60,
                "hour" => 3600,
                _ => 86400,
            };
            if (limit <= 0 || time <= 0)
            {
                return false;
            }

            perSecond = limit / (time * unitSeconds);
            policy = match.Value;
            return true;
        }
    }
}
