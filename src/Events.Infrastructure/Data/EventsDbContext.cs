using Events.Core.Attendees;
using Events.Core.Bulletins;
using Events.Core.Events;
using Events.Core.Mail;
using Events.Core.OnTheDay;
using Events.Core.Organizations;
using Events.Core.Papers;
using Events.Core.People;
using Events.Core.Proceedings;
using Events.Core.Program;
using Events.Core.Reviews;
using Events.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Events.Infrastructure.Data;

public class EventsDbContext(DbContextOptions<EventsDbContext> options) : IdentityDbContext<AppUser>(options)
{
    public DbSet<Organization> Organizations => Set<Organization>();
    public DbSet<Person> People => Set<Person>();
    public DbSet<Position> Positions => Set<Position>();
    public DbSet<EventSeries> Series => Set<EventSeries>();
    public DbSet<Event> Events => Set<Event>();
    public DbSet<EventUnit> EventUnits => Set<EventUnit>();
    public DbSet<EventParticipant> EventParticipants => Set<EventParticipant>();
    public DbSet<EventStaff> EventStaff => Set<EventStaff>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<MailTemplateOverride> MailTemplateOverrides => Set<MailTemplateOverride>();
    public DbSet<Room> Rooms => Set<Room>();
    public DbSet<Session> Sessions => Set<Session>();
    public DbSet<SessionItem> SessionItems => Set<SessionItem>();
    public DbSet<ItemParticipant> ItemParticipants => Set<ItemParticipant>();
    public DbSet<SpeakerAvailability> SpeakerAvailability => Set<SpeakerAvailability>();
    public DbSet<ProgramVersion> ProgramVersions => Set<ProgramVersion>();
    public DbSet<AgendaEntry> AgendaEntries => Set<AgendaEntry>();
    public DbSet<SeatingPlan> SeatingPlans => Set<SeatingPlan>();
    public DbSet<SeatingGuest> SeatingGuests => Set<SeatingGuest>();
    public DbSet<CallForPapers> CallsForPapers => Set<CallForPapers>();
    public DbSet<PaperTopic> PaperTopics => Set<PaperTopic>();
    public DbSet<ReviewCriterion> ReviewCriteria => Set<ReviewCriterion>();
    public DbSet<Submission> Submissions => Set<Submission>();
    public DbSet<Author> Authors => Set<Author>();
    public DbSet<SubmissionFile> SubmissionFiles => Set<SubmissionFile>();
    public DbSet<Reviewer> Reviewers => Set<Reviewer>();
    public DbSet<ReviewerTopic> ReviewerTopics => Set<ReviewerTopic>();
    public DbSet<Bid> Bids => Set<Bid>();
    public DbSet<DeclaredConflict> DeclaredConflicts => Set<DeclaredConflict>();
    public DbSet<ReviewAssignment> ReviewAssignments => Set<ReviewAssignment>();
    public DbSet<Review> Reviews => Set<Review>();
    public DbSet<ReviewScore> ReviewScores => Set<ReviewScore>();
    public DbSet<Core.Proceedings.Proceedings> Proceedings => Set<Core.Proceedings.Proceedings>();
    public DbSet<ProceedingsOrderEntry> ProceedingsOrder => Set<ProceedingsOrderEntry>();
    public DbSet<ProceedingsBuild> ProceedingsBuilds => Set<ProceedingsBuild>();
    public DbSet<RegistrationSettings> RegistrationSettings => Set<RegistrationSettings>();
    public DbSet<Registration> Registrations => Set<Registration>();
    public DbSet<RegistrationCategory> RegistrationCategories => Set<RegistrationCategory>();
    public DbSet<RegistrationAnswer> RegistrationAnswers => Set<RegistrationAnswer>();
    public DbSet<ReplyForm> ReplyForms => Set<ReplyForm>();
    public DbSet<PersonalDataAccess> PersonalDataAccessLog => Set<PersonalDataAccess>();
    public DbSet<Core.OnSite.CheckIn> CheckIns => Set<Core.OnSite.CheckIn>();
    public DbSet<Core.OnSite.BadgeBuild> BadgeBuilds => Set<Core.OnSite.BadgeBuild>();
    public DbSet<Core.Certificates.CertificateDesign> CertificateDesigns => Set<Core.Certificates.CertificateDesign>();
    public DbSet<Core.Certificates.CertificateTemplate> CertificateTemplates => Set<Core.Certificates.CertificateTemplate>();
    public DbSet<Core.Certificates.Certificate> Certificates => Set<Core.Certificates.Certificate>();
    public DbSet<Core.Certificates.CertificateBuild> CertificateBuilds => Set<Core.Certificates.CertificateBuild>();
    public DbSet<Core.Booklets.BookletSettings> BookletSettings => Set<Core.Booklets.BookletSettings>();
    public DbSet<Core.Booklets.BookletBuild> BookletBuilds => Set<Core.Booklets.BookletBuild>();
    public DbSet<Core.Attendees.Delegates.DelegateListSettings> DelegateListSettings => Set<Core.Attendees.Delegates.DelegateListSettings>();
    public DbSet<Core.Attendees.Delegates.DelegateGroup> DelegateGroups => Set<Core.Attendees.Delegates.DelegateGroup>();
    public DbSet<Core.Attendees.Fees.FeeRecord> FeeRecords => Set<Core.Attendees.Fees.FeeRecord>();
    public DbSet<Core.Attendees.Notices.EventNotice> EventNotices => Set<Core.Attendees.Notices.EventNotice>();
    public DbSet<Core.Attendees.Notices.EventInvitation> EventInvitations => Set<Core.Attendees.Notices.EventInvitation>();
    public DbSet<Core.Attendees.Fees.InvoiceRequest> InvoiceRequests => Set<Core.Attendees.Fees.InvoiceRequest>();
    public DbSet<BulletinSeries> BulletinSeries => Set<BulletinSeries>();
    public DbSet<Bulletin> Bulletins => Set<Bulletin>();
    public DbSet<BulletinAuthor> BulletinAuthors => Set<BulletinAuthor>();
    public DbSet<BulletinFont> BulletinFonts => Set<BulletinFont>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(EventsDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot compare DateTimeOffset text in SQL; stored as a sortable number, "due before now" runs in the database.
        if (Database.IsSqlite())
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
            configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        }
    }
}
