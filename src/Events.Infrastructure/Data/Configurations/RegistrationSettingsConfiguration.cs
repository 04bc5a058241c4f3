using Events.Core.Attendees;
using Events.Core.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Events.Infrastructure.Data.Configurations;

public class RegistrationSettingsConfiguration : IEntityTypeConfiguration<RegistrationSettings>
{
    public void Configure(EntityTypeBuilder<RegistrationSettings> b)
    {
        b.ToTable("RegistrationSettings");
        b.HasKey(x => x.EventId);
        b.Property(x => x.EventId).ValueGeneratedNever();
        b.Property(x => x.ConcurrencyStamp).IsConcurrencyToken();
        b.HasOne<Event>().WithOne().HasForeignKey<RegistrationSettings>(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
    }
}
