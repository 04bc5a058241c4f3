using Events.Core.Validation;
using Events.Core.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Events.Infrastructure.Data.Configurations;

public class EventConfiguration : IEntityTypeConfiguration<Event>
{
    public void Configure(EntityTypeBuilder<Event> b)
    {
        b.Property(x => x.Slug).HasMaxLength(FieldLimits.Slug).IsRequired();
        b.HasIndex(x => x.Slug).IsUnique();
        b.Property(x => x.Title).HasMaxLength(FieldLimits.Title).IsRequired();
        b.Property(x => x.TitleEn).HasMaxLength(FieldLimits.TitleEn);
        b.Property(x => x.Theme).HasMaxLength(FieldLimits.Theme);
        b.Property(x => x.Description).HasMaxLength(FieldLimits.Description);
        b.Property(x => x.TimeZoneId).HasMaxLength(FieldLimits.TimeZone).IsRequired();
        b.Property(x => x.City).HasMaxLength(FieldLimits.City);
        b.Property(x => x.Venue).HasMaxLength(FieldLimits.Venue);
        b.Property(x => x.LogoFile).HasMaxLength(64);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(32);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(32);
        b.Property(x => x.ConcurrencyStamp).IsConcurrencyToken();
        b.Ignore(x => x.IsPublic);
        b.HasOne(x => x.Series).WithMany().HasForeignKey(x => x.SeriesId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.ParentEvent).WithMany(x => x.SubForums).HasForeignKey(x => x.ParentEventId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Units).WithOne().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Participants).WithOne(x => x.Event).HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Staff).WithOne().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.Status, x.StartDate });
    }
}
