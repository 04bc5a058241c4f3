using Events.Core.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Events.Infrastructure.Data.Configurations;

public class EventUnitConfiguration : IEntityTypeConfiguration<EventUnit>
{
    public void Configure(EntityTypeBuilder<EventUnit> b)
    {
        b.Property(x => x.Role).HasConversion<string>().HasMaxLength(32);
        b.HasOne(x => x.Organization).WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.EventId, x.Role, x.OrganizationId }).IsUnique();
    }
}
