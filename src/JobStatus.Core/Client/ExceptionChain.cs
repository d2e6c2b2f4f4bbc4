using System;

namespace JobStatus.Client
{
    /// <summary>Reads what an exception and the ones inside it say, for messages.</summary>
    internal static class ExceptionChain
    {
        public static T? Find<T>(Exception e)
            where T : Exception
        {
            for (Exception? current = e; current != null; current = current.InnerException)
            {
                if (current is T found)
                {
                    return found;
                }
            }

            return null;
        }

        /// <summary>The innermost message, ending with a full stop.</summary>
        public static string Innermost(Exception e)
        {
            while (e.InnerException != null)
            {
                e = e.InnerException;
            }

            string text = e.Message.Trim();
            return text.EndsWith(".", StringComparison.Ordinal) ? text : text + ".";
        }
    }
}
