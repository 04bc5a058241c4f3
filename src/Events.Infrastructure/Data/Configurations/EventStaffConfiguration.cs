using Events.Core.Events;
using Events.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Events.Infrastructure.Data.Configurations;

public class EventStaffConfiguration : IEntityTypeConfiguration<EventStaff>
{
    public void Configure(EntityTypeBuilder<EventStaff> b)
    {
        b.HasKey(x => new { x.EventId, x.UserId });
        b.Property(x => x.UserId).HasMaxLength(450);
        b.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
