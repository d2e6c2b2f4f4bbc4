using System;
using System.Collections.Generic;
using JobStatus.Services;

namespace JobStatus.Client
{
    /// <summary>
    /// The request budgets of one command. A rate the user gives (-MaximumRequestRate) is one budget
    /// for every request of the command. Without one, each service's documented budget applies to its
    /// job API (per service and host, as the gateway counts). Whatever was given, a 429 that states its
    /// policy sets that service's budget for the rest of the command. Thread-safe.
    /// </summary>
    public sealed class RequestBudgets
    {
        private readonly object _lock = new object();
        private readonly Dictionary<string, BudgetLane> _lanes = new Dictionary<string, BudgetLane>(StringComparer.Ordinal);
        private readonly bool _serviceDefaults;
        private readonly Func<DateTime>? _clock;

        /// <param name="maximumRequestRate">Requests a second for the whole command; 0 for no budget but learned
        /// ones; null to use each service's documented budget.</param>
        /// <param name="note">Receives a line when a budget is set or lowered, from any thread.</param>
        public RequestBudgets(double? maximumRequestRate, Action<string>? note = null, Func<DateTime>? clock = null)
        {
            _clock = clock;
            Note = note;
            _serviceDefaults = maximumRequestRate == null;
            if (maximumRequestRate is double rate && rate > 0)
            {
                Command = new RequestBudget(rate, "-MaximumRequestRate", clock);
            }
        }

        /// <summary>The budget of every request of the command, when the user gave one.</summary>
        public RequestBudget? Command { get; }

        internal Action<string>? Note { get; }

        /// <summary>The budgets the requests to this service's job API at this endpoint are paced by.</summary>
        public BudgetLane For(CloudJobService service, Uri endpoint)
        {
            if (service == null)
            {
                throw new ArgumentNullException(nameof(service));
            }

            string key = service.Name + "\n" + endpoint.GetLeftPart(UriPartial.Authority);
            lock (_lock)
            {
                if (!_lanes.TryGetValue(key, out BudgetLane? lane))
                {
                    RequestBudget? own = _serviceDefaults && service.RequestBudget is DocumentedBudget documented
                        ? new RequestBudget(documented.PerSecond, documented.Source, _clock)
                        : null;
                    lane = new BudgetLane(this, service.Name, own, _clock);
                    _lanes.Add(key, lane);
                }

                return lane;
            }
        }

        /// <summary>Every budget in use, for the notes that say which one sets the pace.</summary>
        public IReadOnlyList<BudgetLane> Lanes
        {
            get
            {
                lock (_lock)
                {
                    return new List<BudgetLane>(_lanes.Values);
                }
            }
        }
    }

    /// <summary>The budgets one job API's requests take a turn from: the command's, then the service's own.</summary>
    public sealed class BudgetLane
    {
        private readonly RequestBudgets _owner;
        private readonly Func<DateTime>? _clock;
        private readonly object _lock = new object();
        private RequestBudget? _service;

        internal BudgetLane(RequestBudgets owner, string serviceName, RequestBudget? service, Func<DateTime>? clock)
        {
            _owner = owner;
            ServiceName = serviceName;
            _service = service;
            _clock = clock;
        }

        public string ServiceName { get; }

        /// <summary>The service's own budget: documented, or learned from a 429; null when it has none.</summary>
        public RequestBudget? Service
        {
            get
            {
                lock (_lock)
                {
                    return _service;
                }
            }
        }

        public RequestBudget? Command => _owner.Command;

        /// <summary>True when any budget paces these requests.</summary>
        public bool IsLimited => Command != null || Service != null;

        /// <summary>The tighter of the budgets, in requests a second; null for none.</summary>
        public double? PerSecond
        {
            get
            {
                double? command = Command?.PerSecond;
                double? own = Service?.PerSecond;
                return command == null ? own : own == null ? command : Math.Min(command.Value, own.Value);
            }
        }

        /// <summary>"33.33 requests a second (the BMS API reference: ...)": the budget that binds.</summary>
        public string? Describe()
        {
            RequestBudget? command = Command;
            RequestBudget? own = Service;
            RequestBudget? tighter = command == null ? own : own == null ? command : (own.PerSecond < command.PerSecond ? own : command);
            return tighter?.Describe();
        }

        /// <summary>How long until every budget may have a turn free.</summary>
        public TimeSpan TimeToNextTurn()
        {
            TimeSpan a = Command?.TimeToNextTurn() ?? TimeSpan.Zero;
            TimeSpan b = Service?.TimeToNextTurn() ?? TimeSpan.Zero;
            return a > b ? a : b;
        }

        /// <summary>Takes a turn of every budget if all have one free now.</summary>
        public bool TryTakeNow()
        {
            lock (_lock)
            {
                if (TimeToNextTurn() > TimeSpan.Zero)
                {
                    return false;
                }

                // Both were free a moment ago; should another caller win one meanwhile, this turn waits a little.
                return (Command?.TryTake(out _) ?? true) & (Service?.TryTake(out _) ?? true);
            }
        }

        /// <summary>Waits for a turn of every budget, and takes them.</summary>
        public async System.Threading.Tasks.Task TakeAsync(System.Threading.CancellationToken cancellationToken)
        {
            if (Command is RequestBudget command)
            {
                await command.TakeAsync(cancellationToken).ConfigureAwait(false);
            }

            if (Service is RequestBudget own)
            {
                await own.TakeAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        /// <summary>A 429 said <paramref name="message"/>: if it states a policy tighter than the budget
        /// in force, that policy is this service's budget for the rest of the command.</summary>
        /// <returns>True when the budget changed.</returns>
        public bool Learn(string? message)
        {
            if (!ThrottlePolicy.TryRead(message, out double perSecond, out string policy))
            {
                return false;
            }

            string source = $"learned from a 429: {policy}";
            bool changed;
            lock (_lock)
            {
                if (_service == null)
                {
                    _service = new RequestBudget(perSecond, source, _clock);
                    changed = true;
                }
                else
                {
                    changed = _service.Lower(perSecond, source);
                }
            }

            if (changed)
            {
                _owner.Note?.Invoke($"{ServiceName} answered 429 with its policy ({policy}): its requests are paced at {RequestBudget.Rate(perSecond)} for the rest of the command.");
            }

            return changed;
        }
    }
}
