using AgentTasks.Emulator;

if (!EmulatorCommandLine.TryParse(args, out var commandLine, out var error))
{
    Console.Error.WriteLine(error);
    Console.Error.WriteLine(EmulatorCommandLine.Usage);
    return 2;
}

if (commandLine is null)
{
    Console.WriteLine(EmulatorCommandLine.Usage);
    return 0;
}

await using var app = EmulatorHost.Build(commandLine.Options, commandLine.Url, logToConsole: true);
try
{
    await app.StartAsync();
}
catch (IOException exception)
{
    // Most often the port is taken; a stack trace would hide that.
    Console.Error.WriteLine($"Cannot listen on {commandLine.Url}: {exception.Message}");
    return 1;
}

Console.WriteLine($"AgentTasks emulator listening on {string.Join(", ", app.Urls)} (Ctrl+C to stop)");
await app.WaitForShutdownAsync();
return 0;
