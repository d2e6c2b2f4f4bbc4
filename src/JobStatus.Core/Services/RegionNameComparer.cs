using System;
using System.Collections.Generic;

namespace JobStatus.Services
{
    /// <summary>
    /// Orders region names part by part at the hyphens, numbers as numbers, so cn-north-9 comes before
    /// cn-north-11: the order of the region lists (Update-RegionData.py sorts the same way).
    /// </summary>
    internal sealed class RegionNameComparer : IComparer<string>
    {
        public static RegionNameComparer Instance { get; } = new RegionNameComparer();

        private RegionNameComparer()
        {
        }

        public int Compare(string? x, string? y)
        {
            if (ReferenceEquals(x, y))
            {
                return 0;
            }

            if (x is null || y is null)
            {
                return x is null ? -1 : 1;
            }

            string[] left = x.Split('-');
            string[] right = y.Split('-');
            for (int i = 0; i < Math.Min(left.Length, right.Length); i++)
            {
                int order = ComparePart(left[i], right[i]);
                if (order != 0)
                {
                    return order;
                }
            }

            return left.Length.CompareTo(right.Length);
        }

        // A number comes before a word; numbers compare by value, words ordinally.
        private static int ComparePart(string left, string right)
        {
            bool leftNumber = IsNumber(left);
            bool rightNumber = IsNumber(right);
            if (leftNumber != rightNumber)
            {
                return leftNumber ? -1 : 1;
            }

            if (leftNumber)
            {
                string a = left.TrimStart('0');
                string b = right.TrimStart('0');
                int byLength = a.Length.CompareTo(b.Length);
                return byLength != 0 ? byLength : string.CompareOrdinal(a, b);
            }

            return string.CompareOrdinal(left, right);
        }

        private static bool IsNumber(string part)
        {
            if (part.Length == 0)
            {
                return false;
            }

            foreach (char c in part)
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
