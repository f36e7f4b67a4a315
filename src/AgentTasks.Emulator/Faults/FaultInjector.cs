namespace AgentTasks.Emulator.Faults;

/// <summary>The injected faults, consulted once for every API request.</summary>
internal sealed class FaultInjector
{
    // A fixed seed makes percent faults hit the same requests on every run of a test.
    private const int RandomSeed = 20260310;

    private readonly object gate = new();
    private readonly List<FaultRule> rules = [];
    private Random random = new(RandomSeed);

    public void Add(FaultRule rule)
    {
        lock (gate)
        {
            rules.Add(rule);
        }
    }

    /// <summary>Forgets every fault and restarts the random sequence, so a test that follows sees the same draws.</summary>
    public void Clear()
    {
        lock (gate)
        {
            rules.Clear();
            random = new Random(RandomSeed);
        }
    }

    /// <summary>The fault for this request, if any: the first rule, in the order added, that matches and fires.</summary>
    public FaultRule? Take(string method, string path)
    {
        lock (gate)
        {
            for (var i = 0; i < rules.Count; i++)
            {
                var rule = rules[i];
                if (!rule.Matches(method, path))
                {
                    continue;
                }

                if (rule.Percent is { } percent)
                {
                    if (random.Next(100) < percent)
                    {
                        return rule;
                    }

                    continue;
                }

                if (--rule.RemainingCount == 0)
                {
                    rules.RemoveAt(i);
                }

                return rule;
            }

            return null;
        }
    }
}
