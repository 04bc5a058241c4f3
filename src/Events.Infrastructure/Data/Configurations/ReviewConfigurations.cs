using Events.Core.Events;
using Events.Core.Papers;
using Events.Core.Reviews;
using Events.Core.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Events.Infrastructure.Data.Configurations;

public class ReviewerConfiguration : IEntityTypeConfiguration<Reviewer>
{
    public void Configure(EntityTypeBuilder<Reviewer> builder)
    {
        builder.Property(x => x.Email).HasMaxLength(FieldLimits.Email).IsRequired();
        builder.Property(x => x.Name).HasMaxLength(FieldLimits.PersonName).IsRequired();
        builder.Property(x => x.Affiliation).HasMaxLength(FieldLimits.Affiliation);
        builder.Property(x => x.UserId).HasMaxLength(450);
        builder.Property(x => x.State).HasConversion<string>().HasMaxLength(32);
        builder.Property(x => x.InvitationToken).HasMaxLength(64).IsRequired();
        builder.HasOne<Event>().WithMany().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(x => x.Topics).WithOne().HasForeignKey(x => x.ReviewerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(x => new { x.EventId, x.Email }).IsUnique();
        builder.HasIndex(x => x.InvitationToken).IsUnique();
        builder.HasIndex(x => x.UserId);
    }
}

public class ReviewerTopicConfiguration : IEntityTypeConfiguration<ReviewerTopic>
{
    public void Configure(EntityTypeBuilder<ReviewerTopic> builder)
    {
        builder.HasKey(x => new { x.ReviewerId, x.TopicId });
        // SQL Server refuses a second cascade path from the event (through the call and through the reviewer).
        builder.HasOne<PaperTopic>().WithMany().HasForeignKey(x => x.TopicId).OnDelete(DeleteBehavior.NoAction);
    }
}

public class BidConfiguration : IEntityTypeConfiguration<Bid>
{
    public void Configure(EntityTypeBuilder<Bid> builder)
    {
        builder.HasKey(x => new { x.ReviewerId, x.SubmissionId });
        builder.Property(x => x.Preference).HasConversion<string>().HasMaxLength(32);
        builder.HasOne<Reviewer>().WithMany().HasForeignKey(x => x.ReviewerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Submission>().WithMany().HasForeignKey(x => x.SubmissionId).OnDelete(DeleteBehavior.NoAction);
    }
}

public class DeclaredConflictConfiguration : IEntityTypeConfiguration<DeclaredConflict>
{
    public void Configure(EntityTypeBuilder<DeclaredConflict> builder)
    {
        builder.Property(x => x.DeclaredBy).HasConversion<string>().HasMaxLength(32);
        builder.Property(x => x.Reason).HasMaxLength(300);
        builder.HasOne<Reviewer>().WithMany().HasForeignKey(x => x.ReviewerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Submission>().WithMany().HasForeignKey(x => x.SubmissionId).OnDelete(DeleteBehavior.NoAction);
        builder.HasIndex(x => new { x.SubmissionId, x.ReviewerId, x.DeclaredBy }).IsUnique();
    }
}

public class ReviewAssignmentConfiguration : IEntityTypeConfiguration<ReviewAssignment>
{
    public void Configure(EntityTypeBuilder<ReviewAssignment> builder)
    {
        builder.Property(x => x.Source).HasConversion<string>().HasMaxLength(32);
        builder.HasOne(x => x.Reviewer).WithMany().HasForeignKey(x => x.ReviewerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Submission>().WithMany().HasForeignKey(x => x.SubmissionId).OnDelete(DeleteBehavior.NoAction);
        builder.HasOne(x => x.Review).WithOne().HasForeignKey<Review>(x => x.AssignmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(x => new { x.SubmissionId, x.ReviewerId }).IsUnique();
    }
}

public class ReviewConfiguration : IEntityTypeConfiguration<Review>
{
    public void Configure(EntityTypeBuilder<Review> builder)
    {
        builder.Property(x => x.State).HasConversion<string>().HasMaxLength(32);
        builder.Property(x => x.CommentsToAuthors).HasMaxLength(FieldLimits.ReviewComments);
        builder.Property(x => x.ConfidentialComments).HasMaxLength(FieldLimits.ReviewComments);
        builder.Property(x => x.ConcurrencyStamp).IsConcurrencyToken();
        builder.HasMany(x => x.Scores).WithOne().HasForeignKey(x => x.ReviewId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(x => x.AssignmentId).IsUnique();
    }
}

public class ReviewScoreConfiguration : IEntityTypeConfiguration<ReviewScore>
{
    public void Configure(EntityTypeBuilder<ReviewScore> builder)
    {
        builder.HasKey(x => new { x.ReviewId, x.CriterionId });
        builder.HasOne<ReviewCriterion>().WithMany().HasForeignKey(x => x.CriterionId).OnDelete(DeleteBehavior.NoAction);
    }
}
