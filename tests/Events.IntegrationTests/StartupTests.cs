using System.Collections.Concurrent;
using System.Net;
using Events.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Events.IntegrationTests;

public sealed class StartupTests
{
    private sealed class ProductionWithoutAdmin : EventsAppFactory
    {
        protected override string EnvironmentName => "Production";
        protected override void ConfigureAdmin(IWebHostBuilder builder)
        {
            builder.UseSetting("Seed:AdminEmail", "");
            builder.UseSetting("Seed:AdminPassword", "");
        }
    }

    /// <summary>Production with the administrator configured; Seed:Demo left unset unless the test sets it.</summary>
    private sealed class Production(bool? demo) : EventsAppFactory
    {
        protected override string EnvironmentName => "Production";
        protected override bool? SeedDemo => demo;
    }

    [Fact]
    public async Task Production_on_an_empty_database_starts_with_the_administrator_and_no_demo_events()
    {
        using var app = new Production(demo: null);
        _ = app.Server;
        await using var db = app.CreateDbContext();
        Assert.Equal(0, await db.Events.CountAsync());
        Assert.Equal(0, await db.Organizations.CountAsync());
        Assert.Equal(0, await db.People.CountAsync());
        Assert.Equal(0, await db.BulletinSeries.CountAsync());
        Assert.Equal([EventsAppFactory.AdminEmail], await db.Users.Select(u => u.Email).ToListAsync());
    }

    [Fact]
    public async Task Production_loads_the_demo_events_when_Seed_Demo_is_true()
    {
        using var app = new Production(demo: true);
        _ = app.Server;
        await using var db = app.CreateDbContext();
        Assert.True(await db.Events.AnyAsync(e => e.Slug == "regional-innovation-symposium-7"));
    }

    [Fact]
    public void Production_without_an_administrator_password_refuses_to_start_and_says_which_settings_to_set()
    {
        using var app = new ProductionWithoutAdmin();
        var error = Assert.Throws<InvalidOperationException>(() => app.Server);
        Assert.Contains("Seed__AdminPassword", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Healthz_reports_healthy_when_the_database_answers()
    {
        using var app = new EventsAppFactory();
        var response = await app.CreateClient().GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    /// <summary>
    /// The app with its public-page warm-up held: the readiness is the app's, nothing marks it done. With a
    /// <paramref name="log"/>, the health checks' log records go there too; with a <paramref name="failingCheck"/>, a check
    /// that always fails is added.
    /// </summary>
    private sealed class WarmingUp(HealthLog? log = null, string? failingCheck = null) : EventsAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            if (log is not null) builder.ConfigureLogging(logging => logging.AddProvider(log));
            builder.ConfigureServices(services =>
            {
                var warmUp = services.Single(d => d.ImplementationType == typeof(Events.Web.PublicPages.PublicPageWarmUp));
                services.Remove(warmUp);
                if (failingCheck is not null) services.AddHealthChecks().AddCheck(failingCheck, () => HealthCheckResult.Unhealthy("broken on purpose"));
            });
        }
    }

    /// <summary>The records the health check service logs (at any level), with their level and text.</summary>
    private sealed class HealthLog : ILoggerProvider
    {
        public ConcurrentQueue<(LogLevel Level, string Text)> Records { get; } = new();

        public ILogger CreateLogger(string categoryName) =>
            categoryName.StartsWith("Microsoft.Extensions.Diagnostics.HealthChecks", StringComparison.Ordinal) ? new Recorder(Records) : NullLogger.Instance;

        public void Dispose()
        {
        }

        private sealed class Recorder(ConcurrentQueue<(LogLevel Level, string Text)> records) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                records.Enqueue((logLevel, formatter(state, exception)));
        }
    }

    [Fact]
    public async Task Readiness_answers_503_until_the_warm_up_is_done_while_liveness_answers_at_once()
    {
        using var app = new WarmingUp();
        var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/healthz/ready")).StatusCode);

        app.Services.GetRequiredService<Events.Web.PublicPages.PublicPageWarmUp.Readiness>().Done();
        var ready = await client.GetAsync("/healthz/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Readiness_while_warming_up_logs_no_warning_or_error_but_a_check_failing_afterwards_is_logged_as_an_error()
    {
        var log = new HealthLog();
        using var app = new WarmingUp(log, failingCheck: "broken");
        var client = app.CreateClient();
        for (var i = 0; i < 3; i++)
        {
            var probe = await client.GetAsync("/healthz/ready");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, probe.StatusCode);
            Assert.Equal("Unhealthy", await probe.Content.ReadAsStringAsync());
            Assert.Contains("no-store", probe.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        }
        Assert.DoesNotContain(log.Records, r => r.Level >= LogLevel.Warning);

        app.Services.GetRequiredService<Events.Web.PublicPages.PublicPageWarmUp.Readiness>().Done();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/healthz/ready")).StatusCode);
        var error = Assert.Single(log.Records, r => r.Level >= LogLevel.Warning);
        Assert.Equal(LogLevel.Error, error.Level);
        Assert.Contains("broken", error.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_warm_up_notes_readers_but_not_its_own_requests_or_health_probes()
    {
        using var app = new WarmingUp();
        var client = app.CreateClient();
        var readiness = app.Services.GetRequiredService<Events.Web.PublicPages.PublicPageWarmUp.Readiness>();
        await client.GetAsync("/healthz/ready");
        using (var own = new HttpRequestMessage(HttpMethod.Get, "/events"))
        {
            own.Headers.Add(Events.Web.PublicPages.PublicPageWarmUp.Header, "1");
            Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(own)).StatusCode);
        }
        Assert.False(readiness.ReadersWithin(TimeSpan.FromMinutes(1)));

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/events")).StatusCode);
        Assert.True(readiness.ReadersWithin(TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public async Task The_administrator_from_configuration_can_log_in()
    {
        using var app = new EventsAppFactory();
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Events.Infrastructure.Identity.AppUser>>();
        var admin = await users.FindByEmailAsync(EventsAppFactory.AdminEmail);
        Assert.NotNull(admin);
        Assert.True(await users.CheckPasswordAsync(admin, EventsAppFactory.AdminPassword));
        Assert.True(await users.IsInRoleAsync(admin, Events.Core.Access.Roles.Administrator));
    }
}
