using Events.Core.Events;
using Events.Core.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Events.Infrastructure.Data.Configurations;

public class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.Property(x => x.MessageId).HasMaxLength(200).IsRequired();
        builder.HasIndex(x => x.MessageId).IsUnique();
        builder.Property(x => x.TemplateKey).HasMaxLength(64).IsRequired();
        builder.Property(x => x.Culture).HasMaxLength(16).IsRequired();
        builder.Property(x => x.Subject).HasMaxLength(500).IsRequired();
        builder.Property(x => x.TextBody).IsRequired();
        builder.Property(x => x.HtmlBody).IsRequired();
        builder.Property(x => x.RelatedEntity).HasMaxLength(100);
        builder.Property(x => x.State).HasConversion<string>().HasMaxLength(16);
        builder.Property(x => x.LastError).HasMaxLength(1000);
        builder.HasOne<Event>().WithMany().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(x => x.Recipients).WithOne().HasForeignKey(x => x.MessageId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(x => x.Attachments).WithOne().HasForeignKey(x => x.MessageId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(x => new { x.State, x.NextAttemptAt });
        builder.HasIndex(x => new { x.EventId, x.State });
        builder.HasIndex(x => x.BatchId);
    }
}
