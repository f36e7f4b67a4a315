using AgentTasks.Emulator.Api;
using AgentTasks.Emulator.Control;
using AgentTasks.Emulator.Faults;
using AgentTasks.Emulator.Tasks;

namespace AgentTasks.Emulator;

/// <summary>Builds the web application behind both <see cref="EmulatorServer"/> and the standalone program.</summary>
internal static class EmulatorHost
{
    public static WebApplication Build(EmulatorOptions options, string url, bool logToConsole)
    {
        var lifecycle = Lifecycle.From(options);

        // The empty builder reads no appsettings and watches no files: many emulators start in one test run.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().UseUrls(url);
        builder.Services.AddRoutingCore();
        builder.Services.AddLogging(logging =>
        {
            logging.SetMinimumLevel(LogLevel.Warning);
            if (logToConsole)
            {
                logging.AddSimpleConsole(console => console.SingleLine = true);
            }
        });
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.PropertyNamingPolicy = EmulatorJson.Options.PropertyNamingPolicy);
        // Requests held by a delay fault should not hold up a test's teardown for long.
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(2));
        builder.Services.AddSingleton(new TaskStore(lifecycle));
        builder.Services.AddSingleton<FaultInjector>();
        builder.Services.AddSingleton<RequestLog>();
        builder.Services.AddSingleton<RateLimiter>();
        builder.Services.AddSingleton<ApiEndpoints>();
        builder.Services.AddSingleton<ApiPipeline>();

        var app = builder.Build();
        var pipeline = app.Services.GetRequiredService<ApiPipeline>();
        app.Use((context, next) =>
        {
            if (!context.Request.Path.StartsWithSegments("/_emulator"))
            {
                return pipeline.HandleAsync(context);
            }
            // Control bodies are always JSON, whatever the client said: curl -d and Invoke-RestMethod -Body
            // send form content types by default, and a 415 would only get in the way of a test's set-up.
            if (context.Request.ContentLength is > 0 || context.Request.Headers.TransferEncoding.Count > 0)
            {
                context.Request.ContentType = "application/json";
            }

            return next(context);
        });
        // Routing after the middleware above: endpoint matching already checks the content type.
        app.UseRouting();
        ControlEndpoints.Map(app);
        return app;
    }
}
