using Events.Core.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Events.Infrastructure.Data.Configurations;

public class OutboxRecipientConfiguration : IEntityTypeConfiguration<OutboxRecipient>
{
    public void Configure(EntityTypeBuilder<OutboxRecipient> builder)
    {
        builder.Property(x => x.Address).HasMaxLength(256).IsRequired();
        builder.Property(x => x.DisplayName).HasMaxLength(200);
        builder.Property(x => x.Kind).HasConversion<string>().HasMaxLength(8);
    }
}
