namespace JobStatus.Tests.Simulation
{
    /// <summary>The simulated waits run one at a time: each spins until the simulated cloud's answers
    /// are in, and two at once on two cores would starve each other's continuations.</summary>
    [CollectionDefinition(Name, DisableParallelization = true)]
    public sealed class SimulationCollection
    {
        public const string Name = "Simulated waits";
    }
}
