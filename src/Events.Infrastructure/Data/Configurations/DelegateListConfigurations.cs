using Events.Core.Attendees;
using Events.Core.Attendees.Delegates;
using Events.Core.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Events.Infrastructure.Data.Configurations;

public class DelegateListSettingsConfiguration : IEntityTypeConfiguration<DelegateListSettings>
{
    public void Configure(EntityTypeBuilder<DelegateListSettings> b)
    {
        b.ToTable("DelegateListSettings");
        b.HasKey(x => x.EventId);
        b.Property(x => x.EventId).ValueGeneratedNever();
        b.Property(x => x.Heading).HasMaxLength(DelegateListSettings.MaxHeadingLength).IsRequired();
        b.Property(x => x.ProtocolOrder).HasMaxLength(DelegateListSettings.MaxProtocolLength).IsRequired();
        b.Property(x => x.ConcurrencyStamp).IsConcurrencyToken();
        b.HasOne<Event>().WithOne().HasForeignKey<DelegateListSettings>(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class DelegateGroupConfiguration : IEntityTypeConfiguration<DelegateGroup>
{
    public void Configure(EntityTypeBuilder<DelegateGroup> b)
    {
        b.ToTable("DelegateGroups");
        b.HasKey(x => x.RegistrationId);
        b.Property(x => x.RegistrationId).ValueGeneratedNever();
        b.Property(x => x.Name).HasMaxLength(DelegateGroup.MaxNameLength).IsRequired();
        b.HasOne<Registration>().WithOne().HasForeignKey<DelegateGroup>(x => x.RegistrationId).OnDelete(DeleteBehavior.Cascade);
        // No second cascade path on SQL Server: the registration's own cascade from the event removes the group.
        b.HasOne<Event>().WithMany().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.NoAction);
        b.HasIndex(x => new { x.EventId, x.Name });
    }
}
