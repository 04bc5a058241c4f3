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

public class BadgeBuildConfiguration : IEntityTypeConfiguration<BadgeBuild>
{
    public void Configure(EntityTypeBuilder<BadgeBuild> b)
    {
        b.Property(x => x.State).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.RegistrationState).HasConversion<string>().HasMaxLength(32);
        b.Property(x => x.Paper).HasMaxLength(16);
        b.Property(x => x.Culture).HasMaxLength(16);
        b.Property(x => x.StoredName).HasMaxLength(64);
        b.Property(x => x.Error).HasMaxLength(1000);
        b.Property(x => x.RequestedByUserId).HasMaxLength(450);
        b.HasOne<Event>().WithMany().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.State, x.Id });
        b.HasIndex(x => new { x.EventId, x.CreatedAt });
    }
}
