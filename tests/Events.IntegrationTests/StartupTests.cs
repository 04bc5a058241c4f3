using System.Net;
using Events.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

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
