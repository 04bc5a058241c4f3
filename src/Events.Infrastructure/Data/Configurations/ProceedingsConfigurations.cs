using Events.Core.Events;
using Events.Core.Papers;
using Events.Core.Proceedings;
using Events.Core.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Events.Infrastructure.Data.Configurations;

public class ProceedingsConfiguration : IEntityTypeConfiguration<Core.Proceedings.Proceedings>
{
    public void Configure(EntityTypeBuilder<Core.Proceedings.Proceedings> builder)
    {
        builder.ToTable("Proceedings");
        builder.Property(x => x.Title).HasMaxLength(FieldLimits.Title).IsRequired();
        builder.Property(x => x.Subtitle).HasMaxLength(FieldLimits.Title);
        builder.Property(x => x.Editors).HasMaxLength(ProceedingsLimits.Editors);
        builder.Property(x => x.Preface).HasMaxLength(ProceedingsLimits.Preface);
        builder.Property(x => x.Publisher).HasMaxLength(FieldLimits.OrganizationName);
        builder.Property(x => x.DatePlace).HasMaxLength(FieldLimits.Title);
        builder.Property(x => x.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(x => x.Access).HasConversion<string>().HasMaxLength(32);
        builder.Property(x => x.Grouping).HasConversion<string>().HasMaxLength(32);
        builder.Property(x => x.Header).HasConversion<string>().HasMaxLength(32);
        builder.Property(x => x.ConcurrencyStamp).IsConcurrencyToken();
        builder.HasOne<Event>().WithOne().HasForeignKey<Core.Proceedings.Proceedings>(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(x => x.Order).WithOne().HasForeignKey(x => x.ProceedingsId).OnDelete(DeleteBehavior.Cascade);
        // The published build is a plain reference: builds belong to the volume and cascade from it, not from this pointer.
        builder.HasOne<ProceedingsBuild>().WithMany().HasForeignKey(x => x.PublishedBuildId).OnDelete(DeleteBehavior.NoAction);
    }
}

public class ProceedingsOrderEntryConfiguration : IEntityTypeConfiguration<ProceedingsOrderEntry>
{
    public void Configure(EntityTypeBuilder<ProceedingsOrderEntry> builder)
    {
        builder.ToTable("ProceedingsOrder");
        // No database action: the event cascades to both the volume and its submissions.
        builder.HasOne<Submission>().WithMany().HasForeignKey(x => x.SubmissionId).OnDelete(DeleteBehavior.NoAction);
        builder.HasIndex(x => new { x.ProceedingsId, x.SubmissionId }).IsUnique();
    }
}

public class ProceedingsBuildConfiguration : IEntityTypeConfiguration<ProceedingsBuild>
{
    public void Configure(EntityTypeBuilder<ProceedingsBuild> builder)
    {
        builder.ToTable("ProceedingsBuilds");
        builder.Property(x => x.State).HasConversion<string>().HasMaxLength(32);
        builder.Property(x => x.RequestedByUserId).HasMaxLength(450).IsRequired();
        builder.Property(x => x.StoredName).HasMaxLength(ProceedingsLimits.StoredName);
        builder.Property(x => x.Sha256).HasMaxLength(64);
        builder.Property(x => x.Error).HasMaxLength(ProceedingsLimits.Error);
        builder.HasOne<Core.Proceedings.Proceedings>().WithMany().HasForeignKey(x => x.ProceedingsId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(x => new { x.ProceedingsId, x.Version }).IsUnique();
        builder.HasIndex(x => x.State);
    }
}
