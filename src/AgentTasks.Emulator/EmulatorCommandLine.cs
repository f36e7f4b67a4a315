using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace AgentTasks.Emulator;

/// <summary>The standalone emulator's command line.</summary>
internal sealed record EmulatorCommandLine(string Url, EmulatorOptions Options)
{
    public const string Usage = """
        Usage: AgentTasks.Emulator [--urls URL] [--queued-seconds N] [--running-seconds N] [--time-scale N]
          --urls URL            where to listen (default http://127.0.0.1:5099)
          --queued-seconds N    how long a new task stays queued (default 2)
          --running-seconds N   how long it then stays in_progress before its ending (default 10)
          --time-scale N        the emulator's clock runs N times faster (default 1)
        """;

    private const string DefaultUrl = "http://127.0.0.1:5099";

    /// <summary>Reads <paramref name="args"/>; null with no error means help was asked for.</summary>
    public static bool TryParse(string[] args, out EmulatorCommandLine? commandLine, [NotNullWhen(false)] out string? error)
    {
        commandLine = null;
        error = null;
        var url = DefaultUrl;
        var options = new EmulatorOptions();
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            if (name is "-h" or "--help" or "-?")
            {
                return true;
            }

            if (i + 1 == args.Length)
            {
                error = $"{name} needs a value, or is not an option";
                return false;
            }

            var value = args[++i];
            switch (name)
            {
                case "--urls":
                    url = value;
                    break;
                case "--queued-seconds" when Seconds(value) is { } seconds:
                    options.QueuedFor = TimeSpan.FromSeconds(seconds);
                    break;
                case "--running-seconds" when Seconds(value) is { } seconds:
                    options.RunningFor = TimeSpan.FromSeconds(seconds);
                    break;
                case "--time-scale" when Seconds(value) is > 0 and var scale:
                    options.TimeScale = scale;
                    break;
                default:
                    error = $"{name} {value}: not an option, or not a number from 0 to 1e9 (time-scale: more than 0)";
                    return false;
            }
        }

        commandLine = new EmulatorCommandLine(url, options);
        return true;
    }

    /// <summary>A number from 0 to about 30 years of seconds, which a TimeSpan holds.</summary>
    private static double? Seconds(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value is >= 0 and <= 1e9
            ? value
            : null;
}
