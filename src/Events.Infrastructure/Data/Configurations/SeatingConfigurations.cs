using Events.Core.OnTheDay;
using Events.Core.Program;
using Events.Core.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Events.Infrastructure.Data.Configurations;

public class SeatingPlanConfiguration : IEntityTypeConfiguration<SeatingPlan>
{
    public void Configure(EntityTypeBuilder<SeatingPlan> b)
    {
        b.Property(x => x.Layout).HasConversion<string>().HasMaxLength(32);
        b.Property(x => x.Convention).HasConversion<string>().HasMaxLength(32);
        b.Property(x => x.ConcurrencyStamp).IsConcurrencyToken();
        b.HasOne<Session>().WithMany().HasForeignKey(x => x.SessionId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.SessionId).IsUnique();
        b.HasMany(x => x.Guests).WithOne().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class SeatingGuestConfiguration : IEntityTypeConfiguration<SeatingGuest>
{
    public void Configure(EntityTypeBuilder<SeatingGuest> b)
    {
        b.Property(x => x.Name).HasMaxLength(FieldLimits.PersonName).IsRequired();
        b.Property(x => x.Title).HasMaxLength(SeatingRules.GuestTitle);
        b.Property(x => x.Group).HasMaxLength(FieldLimits.OrganizationName);
        b.HasIndex(x => new { x.PlanId, x.Rank });
    }
}
