namespace AgentTasks.Emulator.Api;

/// <summary>
/// A query string as its ordered parameters. Each keeps its raw text, so that Link URLs repeat the caller's
/// parameters exactly, in their order, with only <c>page</c> and <c>per_page</c> replaced.
/// </summary>
internal sealed class RawQuery
{
    private readonly IReadOnlyList<Parameter> parameters;

    private RawQuery(IReadOnlyList<Parameter> parameters) => this.parameters = parameters;

    /// <summary>Parses <c>?a=1&amp;b=2</c> (the leading <c>?</c> is optional).</summary>
    public static RawQuery Parse(string? query)
    {
        var pairs = (query ?? "").TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries);
        return new RawQuery([.. pairs.Select(Parameter.Parse)]);
    }

    /// <summary>Every value of <paramref name="name"/>, decoded, in order.</summary>
    public IReadOnlyList<string> Values(string name) =>
        [.. parameters.Where(p => p.Name == name).Select(p => p.Value)];

    /// <summary>The last value of <paramref name="name"/> (as Rails reads a repeated one), or null when absent or empty.</summary>
    public string? Last(string name) => Values(name).LastOrDefault(value => value.Length > 0);

    /// <summary>The raw <c>name=value</c> texts of every parameter except <paramref name="excluded"/>.</summary>
    public IEnumerable<string> RawExcept(params string[] excluded) =>
        parameters.Where(p => !excluded.Contains(p.Name)).Select(p => p.Raw);

    private sealed record Parameter(string Name, string Value, string Raw)
    {
        public static Parameter Parse(string raw)
        {
            var equals = raw.IndexOf('=');
            return equals < 0
                ? new Parameter(Decode(raw), "", raw)
                : new Parameter(Decode(raw[..equals]), Decode(raw[(equals + 1)..]), raw);
        }

        private static string Decode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));
    }
}
