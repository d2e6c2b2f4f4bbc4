using JobStatus.Emulator.Model;

namespace JobStatus.Emulator.Control;

/// <summary>A request budget as the control API shows it, with how many requests it let through and refused.</summary>
internal sealed record BudgetView(
    int Index,
    string? Service,
    string? ProjectId,
    int Limit,
    int PeriodSeconds,
    double Burst,
    string Policy,
    int Allowed,
    int Refused)
{
    public static BudgetView From(RequestBudget budget) => new(
        budget.Index, budget.Service, budget.ProjectId, budget.Limit, budget.PeriodSeconds, budget.Burst, budget.Policy, budget.Allowed, budget.Refused);
}
