using Events.Core.Events;
using Events.Core.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Events.Infrastructure.Data.Configurations;

public class MailTemplateOverrideConfiguration : IEntityTypeConfiguration<MailTemplateOverride>
{
    public void Configure(EntityTypeBuilder<MailTemplateOverride> builder)
    {
        builder.Property(x => x.TemplateKey).HasMaxLength(64).IsRequired();
        builder.Property(x => x.Culture).HasMaxLength(16).IsRequired();
        builder.Property(x => x.Subject).HasMaxLength(500).IsRequired();
        builder.Property(x => x.Body).HasMaxLength(8000).IsRequired();
        builder.Property(x => x.ConcurrencyStamp).IsConcurrencyToken();
        builder.HasOne<Event>().WithMany().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(x => new { x.EventId, x.TemplateKey, x.Culture }).IsUnique();
    }
}
