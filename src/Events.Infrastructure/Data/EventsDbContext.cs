using Events.Core.Bulletins;
using Events.Core.Events;
using Events.Core.Mail;
using Events.Core.Organizations;
using Events.Core.People;
using Events.Core.Program;
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
    public DbSet<ProgramVersion> ProgramVersions => Set<ProgramVersion>();
    public DbSet<AgendaEntry> AgendaEntries => Set<AgendaEntry>();
    public DbSet<BulletinSeries> BulletinSeries => Set<BulletinSeries>();
    public DbSet<Bulletin> Bulletins => Set<Bulletin>();
    public DbSet<BulletinAuthor> BulletinAuthors => Set<BulletinAuthor>();

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
