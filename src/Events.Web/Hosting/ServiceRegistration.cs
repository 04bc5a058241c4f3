using Events.Infrastructure.Access;
using Events.Infrastructure.Bulletins;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Events.Web.Components.Documents;
using Events.Infrastructure.Attendees;
using Events.Infrastructure.OnSite;
using Events.Infrastructure.Booklets;
using Events.Infrastructure.Certificates;
using Events.Infrastructure.Events;
using Events.Infrastructure.Files;
using Events.Infrastructure.OnTheDay;
using Events.Infrastructure.Organizations;
using Events.Infrastructure.Papers;
using Events.Infrastructure.People;
using Events.Infrastructure.Proceedings;
using Events.Infrastructure.Program;
using Events.Web.Components.Pages.Proceedings;
using Events.Web.Components.Pages.Proceedings.Documents;
using Events.Infrastructure.Reviews;
using Events.Infrastructure.Publishing;

namespace Events.Web.Hosting;

public static class ServiceRegistration
{
    public static IServiceCollection AddEventsServices(this IServiceCollection services, string filesRoot)
    {
        services.AddSingleton(new FileStore(filesRoot));
        services.TryAddSingleton<EventRights>();
        // The web app replaces this with its output-cache eviction (AddPublicPages).
        services.TryAddSingleton<IPublicPageCache, UncachedPublicPages>();
        services.AddSingleton<EventQueries>();
        services.AddSingleton<EventEditor>();
        services.AddSingleton<EventStaffEditor>();
        services.AddSingleton<OrganizationService>();
        services.AddSingleton<PersonService>();
        services.AddMemoryCache(o => o.SizeLimit = 200);
        services.AddSingleton<ProgramService>();
        services.AddSingleton<ProgramPublisher>();
        services.AddSingleton<PublishedPrograms>();
        services.AddSingleton<AgendaService>();
        services.AddEventsProceedings();
        services.AddSingleton<IVolumeDocuments, VolumeDocuments>();
        services.AddSingleton<IProceedingsAccess, RegisteredAttendees>();
        services.AddScoped<ProceedingsAccessRule>();
        services.AddSingleton<RegistrationService>();
        services.AddSingleton<PersonalDataProtector>();
        services.AddSingleton<PersonalData>();
        services.AddHostedService<PersonalDataRetentionWorker>();
        services.AddSingleton<RegistrationCategoryEditor>();
        services.AddSingleton<ReplyFormEditor>();
        services.AddSingleton<RegistrationStatus>();
        services.AddSingleton<RegistrationSettingsEditor>();
        services.AddSingleton<AttendeeList>();
        services.AddSingleton<SeatingService>();
        services.AddEventsOnSite();
        services.AddSingleton<IBadgePrinter, BadgePrinter>();
        services.AddEventsCertificates();
        services.AddSingleton<ICertificatePrinter, CertificatePrinter>();
        services.AddEventsBooklets();
        services.AddSingleton<IBookletDocuments, BookletDocuments>();
        services.AddSingleton<DelegateListService>();
        services.AddSingleton<RegistrationDashboardService>();
        services.AddSingleton<Events.Infrastructure.Notices.NoticeService>();
        services.AddSingleton<Events.Infrastructure.Notices.INoticePrinter, NoticePrinter>();
        services.AddSingleton<Events.Infrastructure.Notices.InvitationService>();
        services.AddSingleton<FeeService>();
        services.AddSingleton<Events.Infrastructure.Imports.RegistrantImportService>();
        services.AddSingleton<AttendeeDownloadList>();
        services.AddSingleton<IAttendeeDownloads, Components.Pages.Attendees.ProgramDownloads>();
        services.AddSingleton<IAttendeeDownloads, ProceedingsAttendeeDownloads>();
        services.AddSingleton<CallService>();
        services.AddSingleton<SubmissionService>();
        services.AddSingleton<ReviewAccess>();
        services.AddSingleton<ReviewerService>();
        services.AddSingleton<BiddingService>();
        services.AddSingleton<ReviewService>();
        services.AddSingleton<AssignmentService>();
        services.AddSingleton<DecisionService>();
        services.AddSingleton<PaperPlacement>();
        services.AddSingleton<AutoAssignment>();
        services.AddSingleton<BulletinService>();
        services.AddSingleton<BulletinPublisher>();
        services.AddSingleton<BulletinMailer>();
        services.AddSingleton<BulletinDocxImporter>();
        services.AddSingleton<BulletinFontService>();
        return services;
    }

    /// <summary>Document components rendered to HTML (preview) and PDF; see Components/Documents.</summary>
    public static IServiceCollection AddEventsDocuments(this IServiceCollection services)
    {
        services.AddSingleton<DocumentHtml>();
        services.AddSingleton<DocumentPdf>();
        services.AddSingleton<BulletinDocuments>();
        services.AddSingleton<BulletinDocx>();
        services.AddSingleton<SeatingDocuments>();
        return services;
    }
}
