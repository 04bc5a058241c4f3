using Events.Core.Events;
using Events.Core.Papers;
using Events.Core.Program;
using Events.Core.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Events.Infrastructure.Data.Configurations;

public class CallForPapersConfiguration : IEntityTypeConfiguration<CallForPapers>
{
    public void Configure(EntityTypeBuilder<CallForPapers> builder)
    {
        builder.ToTable("CallsForPapers");
        builder.Property(x => x.Introduction).HasMaxLength(FieldLimits.CallIntroduction);
        builder.Property(x => x.ReviewMode).HasConversion<string>().HasMaxLength(32);
        builder.Property(x => x.ConcurrencyStamp).IsConcurrencyToken();
        builder.HasOne<Event>().WithOne().HasForeignKey<CallForPapers>(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(x => x.Topics).WithOne().HasForeignKey(x => x.CallId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(x => x.Criteria).WithOne().HasForeignKey(x => x.CallId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class PaperTopicConfiguration : IEntityTypeConfiguration<PaperTopic>
{
    public void Configure(EntityTypeBuilder<PaperTopic> builder)
    {
        builder.Property(x => x.Name).HasMaxLength(FieldLimits.TopicName).IsRequired();
    }
}

public class ReviewCriterionConfiguration : IEntityTypeConfiguration<ReviewCriterion>
{
    public void Configure(EntityTypeBuilder<ReviewCriterion> builder)
    {
        builder.Property(x => x.Name).HasMaxLength(FieldLimits.CriterionName).IsRequired();
        builder.Property(x => x.Description).HasMaxLength(500);
        builder.Property(x => x.Weight).HasPrecision(6, 2);
    }
}

public class SubmissionConfiguration : IEntityTypeConfiguration<Submission>
{
    public void Configure(EntityTypeBuilder<Submission> builder)
    {
        builder.Property(x => x.Title).HasMaxLength(FieldLimits.PaperTitle).IsRequired();
        builder.Property(x => x.Abstract).HasMaxLength(FieldLimits.Abstract).IsRequired();
        builder.Property(x => x.Keywords).HasMaxLength(FieldLimits.Keywords);
        builder.Property(x => x.SubmitterUserId).HasMaxLength(450).IsRequired();
        builder.Property(x => x.State).HasConversion<string>().HasMaxLength(32);
        builder.Property(x => x.Decision).HasConversion<string>().HasMaxLength(32);
        builder.Property(x => x.ConcurrencyStamp).IsConcurrencyToken();
        builder.HasOne<Event>().WithMany().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(x => x.Topic).WithMany().HasForeignKey(x => x.TopicId).OnDelete(DeleteBehavior.Restrict);
        // No database action: the event already cascades to both; removing an item clears the placement in code.
        builder.HasOne<SessionItem>().WithMany().HasForeignKey(x => x.SessionItemId).OnDelete(DeleteBehavior.NoAction);
        builder.HasMany(x => x.Authors).WithOne().HasForeignKey(x => x.SubmissionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(x => x.Files).WithOne().HasForeignKey(x => x.SubmissionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(x => new { x.EventId, x.Number }).IsUnique();
        builder.HasIndex(x => x.SubmitterUserId);
    }
}

public class AuthorConfiguration : IEntityTypeConfiguration<Author>
{
    public void Configure(EntityTypeBuilder<Author> builder)
    {
        builder.ToTable("SubmissionAuthors");
        builder.Property(x => x.Name).HasMaxLength(FieldLimits.PersonName).IsRequired();
        builder.Property(x => x.Affiliation).HasMaxLength(FieldLimits.Affiliation).IsRequired();
        builder.Property(x => x.Email).HasMaxLength(FieldLimits.Email);
        builder.HasIndex(x => x.Email);
    }
}

public class SubmissionFileConfiguration : IEntityTypeConfiguration<SubmissionFile>
{
    public void Configure(EntityTypeBuilder<SubmissionFile> builder)
    {
        builder.Property(x => x.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(x => x.StoredName).HasMaxLength(64).IsRequired();
        builder.Property(x => x.OriginalFileName).HasMaxLength(FieldLimits.FileName).IsRequired();
        builder.Property(x => x.Sha256).HasMaxLength(64).IsRequired();
        builder.Property(x => x.UploadedByUserId).HasMaxLength(450).IsRequired();
        builder.HasIndex(x => new { x.SubmissionId, x.Kind, x.Version }).IsUnique();
    }
}
