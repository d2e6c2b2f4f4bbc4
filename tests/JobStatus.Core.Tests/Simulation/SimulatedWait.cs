using System;
using System.Collections.Generic;
using System.Threading;
using JobStatus.Scheduling;
using JobStatus.Waiting;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace JobStatus.Tests.Simulation
{
    /// <summary>Runs a wait session the way Wait-CloudJob's pipeline thread does, on a fake clock.</summary>
    internal static class SimulatedWait
    {
        /// <summary>
        /// Takes the session's outputs, advances the fake clock by <paramref name="step"/>, lets the
        /// simulated answers arrive, and again, until the session is done or its -Timeout has passed.
        /// <paramref name="beforeStep"/> runs before each step (to step the wall clock, say).
        /// Returns every output with its time since <paramref name="start"/>.
        /// </summary>
        public static List<(TimeSpan At, WaitOutput Output)> Run(WaitSession session, ReadScheduler scheduler, FakeTimeProvider fake, DateTimeOffset start, TimeSpan step, Action? beforeStep = null)
        {
            var outputs = new List<(TimeSpan At, WaitOutput Output)>();
            while (!session.Done)
            {
                Drain(session, fake, start, outputs);
                if (session.TimeLeft is TimeSpan left && left <= TimeSpan.Zero)
                {
                    session.TimeOut();
                    break;
                }

                beforeStep?.Invoke();
                fake.Advance(step);
                SpinUntilQuiet(scheduler);
            }

            Drain(session, fake, start, outputs);
            return outputs;
        }

        private static void Drain(WaitSession session, FakeTimeProvider fake, DateTimeOffset start, List<(TimeSpan, WaitOutput)> outputs)
        {
            while (session.TryTake(out WaitOutput output))
            {
                outputs.Add((fake.GetUtcNow() - start, output));
            }
        }

        /// <summary>The simulated cloud answers at once; lets any continuation that hopped threads finish.</summary>
        private static void SpinUntilQuiet(ReadScheduler scheduler)
        {
            for (int i = 0; i < 1000 && scheduler.InFlight > 0; i++)
            {
                Thread.Sleep(i < 10 ? 0 : 1);
            }

            Assert.Equal(0, scheduler.InFlight);
        }
    }
}
