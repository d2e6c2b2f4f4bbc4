namespace JobStatus.Connection
{
    /// <summary>
    /// What an id must be to travel as one URL path segment. Escaping keeps '/', '?' and '#' inside
    /// the segment; '.' and '..' are refused because URL normalisation would still resolve them.
    /// </summary>
    internal static class PathSegmentRules
    {
        public const int MaximumLength = 128;

        /// <returns>Why the value is refused, or null when it is fine.</returns>
        public static string? Check(string? value, string what)
        {
            if (value == null || value.Trim().Length == 0)
            {
                return $"The {what} is empty.";
            }

            if (value.Length > MaximumLength)
            {
                return $"The {what} is {value.Length} characters long; the most accepted is {MaximumLength}.";
            }

            if (value == "." || value == "..")
            {
                return $"The {what} '{value}' is not an id: it would change the URL path.";
            }

            foreach (char c in value)
            {
                if (char.IsControl(c))
                {
                    return $"The {what} contains a control character (such as a line break).";
                }
            }

            return null;
        }
    }
}
