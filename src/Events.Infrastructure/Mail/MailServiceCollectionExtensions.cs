using Events.Infrastructure.Data;
using Events.Infrastructure.Identity;
using Events.Infrastructure.LiveUpdates;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Events.Infrastructure.Mail;

public static class MailServiceCollectionExtensions
{
    /// <summary>The outbox, its sender (a hosted service) and the mail features, configured from Mail:* and App:PublicBaseUrl.</summary>
    public static IServiceCollection AddEventsMail(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MailOptions>()
            .Bind(configuration.GetSection("Mail"))
            .Configure(o =>
            {
                var baseUrl = configuration["App:PublicBaseUrl"];
                if (!string.IsNullOrWhiteSpace(baseUrl)) o.PublicBaseUrl = baseUrl;
            })
            .Validate(o => Uri.TryCreate(o.PublicBaseUrl, UriKind.Absolute, out _), "App:PublicBaseUrl must be an absolute URL, e.g. https://events.example.org")
            .Validate(o => o.MaxAttempts >= 1 && o.BatchSize >= 1, "Mail:MaxAttempts and Mail:BatchSize must be at least 1")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<Access.EventRights>();
        services.TryAddSingleton<ILiveUpdates, InProcessLiveUpdates>();
        services.AddSingleton<OutboxSaveNotifier>();
        // Every save that queues or changes mail tells the open outbox pages (see OutboxSaveNotifier).
        services.ConfigureDbContext<EventsDbContext>((sp, options) => options.AddInterceptors(sp.GetRequiredService<OutboxSaveNotifier>()), ServiceLifetime.Singleton);
        services.AddSingleton<Outbox>();
        services.AddSingleton<MimeMessageFactory>();
        services.AddSingleton<OutboxSender>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxSender>());
        services.AddSingleton<OutboxAdmin>();
        services.AddSingleton<MailTemplateStore>();
        services.AddSingleton<SpeakerNotices>();
        services.AddSingleton<IEmailSender<AppUser>, OutboxEmailSender>();
        return services;
    }
}
