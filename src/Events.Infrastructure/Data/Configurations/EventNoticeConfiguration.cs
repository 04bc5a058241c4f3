using Events.Core.Attendees.Notices;
using Events.Core.Events;
using Events.Core.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Events.Infrastructure.Data.Configurations;

public class EventNoticeConfiguration : IEntityTypeConfiguration<EventNotice>
{
    public void Configure(EntityTypeBuilder<EventNotice> b)
    {
        b.Property(x => x.Title).HasMaxLength(EventNotice.MaxTitleLength).IsRequired();
        b.Property(x => x.Body).IsRequired();
        b.Property(x => x.ConcurrencyStamp).IsConcurrencyToken();
        b.HasOne<Event>().WithMany().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.EventId, x.Number }).IsUnique();
    }
}

public class EventInvitationConfiguration : IEntityTypeConfiguration<EventInvitation>
{
    public void Configure(EntityTypeBuilder<EventInvitation> b)
    {
        b.Property(x => x.Email).HasMaxLength(FieldLimits.Email).IsRequired();
        b.Property(x => x.Name).HasMaxLength(FieldLimits.PersonName).IsRequired();
        b.Property(x => x.Organization).HasMaxLength(FieldLimits.OrganizationName);
        b.Property(x => x.Title).HasMaxLength(FieldLimits.Title);
        b.Property(x => x.Mobile).HasMaxLength(1000);
        b.HasOne<Event>().WithMany().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.EventId, x.Email }).IsUnique();
    }
}
