namespace JobStatus.Emulator.Model;

/// <summary>A request budget as posted to the control API: the gateway's throttling policy of one
/// service's job API, counted per project.</summary>
internal sealed class BudgetSpec
{
    /// <summary>The service whose job API it limits (any case); null for every path.</summary>
    public string? Service { get; set; }

    /// <summary>Only this project; null gives every project its own bucket.</summary>
    public string? ProjectId { get; set; }

    /// <summary>Requests allowed per <see cref="PeriodSeconds"/>.</summary>
    public int? Limit { get; set; }

    /// <summary>The policy's time, in seconds (default 60).</summary>
    public int? PeriodSeconds { get; set; }

    /// <summary>The bucket's size: how many requests may come at once after an idle spell (default one
    /// second's worth, at least 1).</summary>
    public double? Burst { get; set; }
}
