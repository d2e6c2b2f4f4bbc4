namespace JobStatus
{
    /// <summary>Where a job stands, normalised from the service's status text.</summary>
    public enum CloudJobStatus
    {
        /// <summary>A status text this module does not know; the text is kept in RawStatus.</summary>
        Unknown = 0,
        Running = 1,
        Success = 2,
        Failed = 3,
    }
}
