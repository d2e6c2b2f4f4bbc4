using System;
using System.Runtime.InteropServices;
using System.Security;

namespace JobStatus.Connection
{
    /// <summary>Turns SecureStrings into text only at the moment a header is built.</summary>
    internal static class SecureStringReader
    {
        public static string Reveal(SecureString secure)
        {
            IntPtr pointer = IntPtr.Zero;
            try
            {
                pointer = Marshal.SecureStringToGlobalAllocUnicode(secure);
                // With the length, so a NUL inside the text is kept (and then refused) instead of cutting it short.
                return Marshal.PtrToStringUni(pointer, secure.Length);
            }
            finally
            {
                if (pointer != IntPtr.Zero)
                {
                    Marshal.ZeroFreeGlobalAllocUnicode(pointer);
                }
            }
        }

        public static SecureString FromText(string text)
        {
            var secure = new SecureString();
            foreach (char c in text)
            {
                secure.AppendChar(c);
            }

            secure.MakeReadOnly();
            return secure;
        }
    }
}
