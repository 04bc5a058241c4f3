using Events.Core.Events;
using Events.Core.Program;
using Events.Core.Validation;
using Events.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Events.Infrastructure.Data.Configurations;

public class RoomConfiguration : IEntityTypeConfiguration<Room>
{
    public void Configure(EntityTypeBuilder<Room> builder)
    {
        builder.Property(x => x.Name).HasMaxLength(100).IsRequired();
        builder.Property(x => x.Notes).HasMaxLength(300);
        builder.HasOne<Event>().WithMany().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class SessionConfiguration : IEntityTypeConfiguration<Session>
{
    public void Configure(EntityTypeBuilder<Session> builder)
    {
        builder.Property(x => x.Title).HasMaxLength(300).IsRequired();
        builder.Property(x => x.TitleEn).HasMaxLength(FieldLimits.TitleEn);
        builder.Property(x => x.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(x => x.ConcurrencyStamp).IsConcurrencyToken();
        builder.HasOne<Event>().WithMany().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(x => x.Room).WithMany().HasForeignKey(x => x.RoomId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(x => x.Chairs).WithOne().HasForeignKey(x => x.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(x => x.Items).WithOne().HasForeignKey(x => x.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(x => new { x.EventId, x.Start });
    }
}

public class SpeakerAvailabilityConfiguration : IEntityTypeConfiguration<SpeakerAvailability>
{
    public void Configure(EntityTypeBuilder<SpeakerAvailability> builder)
    {
        builder.HasOne<Event>().WithMany().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Core.People.Person>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(x => new { x.EventId, x.PersonId, x.Start });
    }
}

public class SessionChairConfiguration : IEntityTypeConfiguration<SessionChair>
{
    public void Configure(EntityTypeBuilder<SessionChair> builder)
    {
        builder.HasOne(x => x.Person).WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
    }
}

public class SessionItemConfiguration : IEntityTypeConfiguration<SessionItem>
{
    public void Configure(EntityTypeBuilder<SessionItem> builder)
    {
        builder.Property(x => x.Title).HasMaxLength(300).IsRequired();
        builder.HasMany(x => x.Participants).WithOne().HasForeignKey(x => x.ItemId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(x => x.Publications).WithOne().HasForeignKey(x => x.ItemId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class ItemParticipantConfiguration : IEntityTypeConfiguration<ItemParticipant>
{
    public void Configure(EntityTypeBuilder<ItemParticipant> builder)
    {
        builder.Property(x => x.Role).HasConversion<string>().HasMaxLength(32);
        builder.Property(x => x.UnnamedLabel).HasMaxLength(100);
        builder.HasOne(x => x.Person).WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(x => x.PersonId);
    }
}

public class ReleasedPublicationConfiguration : IEntityTypeConfiguration<ReleasedPublication>
{
    public void Configure(EntityTypeBuilder<ReleasedPublication> builder)
    {
        builder.Property(x => x.Title).HasMaxLength(300).IsRequired();
    }
}

public class ProgramVersionConfiguration : IEntityTypeConfiguration<ProgramVersion>
{
    public void Configure(EntityTypeBuilder<ProgramVersion> builder)
    {
        builder.Property(x => x.PublishedBy).HasMaxLength(256);
        builder.Property(x => x.SnapshotJson).IsRequired();
        builder.Property(x => x.ChangeLogJson).IsRequired();
        builder.HasOne<Event>().WithMany().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
        // Two organizers publishing at once cannot both create the same number: the second insert fails.
        builder.HasIndex(x => new { x.EventId, x.Number }).IsUnique();
    }
}

public class AgendaEntryConfiguration : IEntityTypeConfiguration<AgendaEntry>
{
    public void Configure(EntityTypeBuilder<AgendaEntry> builder)
    {
        builder.Property(x => x.UserId).HasMaxLength(450);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Session>().WithMany().HasForeignKey(x => x.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(x => new { x.UserId, x.SessionId }).IsUnique();
    }
}
