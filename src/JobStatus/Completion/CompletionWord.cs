namespace JobStatus.Completion
{
    /// <summary>
    /// The word being completed without its opening quote, and how to quote a completion so the
    /// command line still parses: the user's own quote if they typed one, single quotes when the
    /// value holds a character PowerShell would read as syntax, none otherwise.
    /// </summary>
    internal readonly struct CompletionWord
    {
        private const string NeedsQuotes = " \t`$&@#;,(){}|<>'\"";

        private CompletionWord(string text, char? quote)
        {
            Text = text;
            QuoteChar = quote;
        }

        public string Text { get; }

        public char? QuoteChar { get; }

        public static CompletionWord Parse(string? word)
        {
            string text = word ?? string.Empty;
            if (text.Length > 0 && (text[0] == '\'' || text[0] == '"'))
            {
                char quote = text[0];
                text = text.Substring(1);
                if (text.Length > 0 && text[text.Length - 1] == quote)
                {
                    text = text.Substring(0, text.Length - 1);
                }

                return new CompletionWord(text, quote);
            }

            return new CompletionWord(text, null);
        }

        public string Quote(string value)
        {
            if (QuoteChar == '"')
            {
                return "\"" + value.Replace("`", "``").Replace("$", "`$").Replace("\"", "`\"") + "\"";
            }

            if (QuoteChar == '\'' || value.IndexOfAny(NeedsQuotes.ToCharArray()) >= 0)
            {
                return "'" + value.Replace("'", "''") + "'";
            }

            return value;
        }
    }
}
