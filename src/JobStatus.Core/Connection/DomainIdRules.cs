namespace JobStatus.Connection
{
    /// <summary>What an account (domain) id is: 32 hexadecimal characters, as IAM issues them. The
    /// usual mistake is the account's name (what -DomainName takes), which this names.</summary>
    internal static class DomainIdRules
    {
        public const int Length = 32;

        /// <returns>Why the value is not a domain id, or null when it is one.</returns>
        public static string? Check(string? value)
        {
            if (PathSegmentRules.Check(value, "domain id") is string problem)
            {
                return problem;
            }

            string text = value!.Trim();
            bool hex = text.Length == Length;
            foreach (char c in text)
            {
                hex &= (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            }

            return hex
                ? null
                : $"'{Shorten(text)}' is not a domain id: an account's id is {Length} hexadecimal characters (the Account ID under My Credentials in the console). "
                  + "An account name goes to Connect-CloudJobService -DomainName, which signs in and learns the id.";
        }

        private static string Shorten(string text) => text.Length <= 40 ? text : text.Substring(0, 37) + "...";
    }
}
