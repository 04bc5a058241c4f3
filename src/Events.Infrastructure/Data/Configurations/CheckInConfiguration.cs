using Events.Core.Attendees;
using Events.Core.Events;
using Events.Core.OnSite;
using Events.Core.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Events.Infrastructure.Data.Configurations;

public class CheckInConfiguration : IEntityTypeConfiguration<CheckIn>
{
    public const string OncePerPlace = "IX_CheckIns_RegistrationId_SessionId";
    public const string OncePerClientScan = "IX_CheckIns_ClientScanId";

    public void Configure(EntityTypeBuilder<CheckIn> b)
    {
        b.Property(x => x.ByUserId).HasMaxLength(450);
        b.Property(x => x.ByName).HasMaxLength(FieldLimits.PersonName);
        b.Property(x => x.ClientScanId).HasMaxLength(64);
        b.Property(x => x.Method).HasConversion<string>().HasMaxLength(16);
        b.HasOne<Event>().WithMany().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.NoAction);
        b.HasOne<Registration>().WithMany().HasForeignKey(x => x.RegistrationId).OnDelete(DeleteBehavior.Cascade);
        // Once per person and place: the database refuses the second row whatever raced to write it.
        b.HasIndex(x => new { x.RegistrationId, x.SessionId }).IsUnique().HasDatabaseName(OncePerPlace);
        b.HasIndex(x => x.ClientScanId).IsUnique().HasFilter("[ClientScanId] IS NOT NULL").HasDatabaseName(OncePerClientScan);
        b.HasIndex(x => new { x.EventId, x.SessionId, x.CheckedInAt });
    }
}
