using Events.Core.Attendees;
using Events.Core.Attendees.Fees;
using Events.Core.Events;
using Events.Core.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Events.Infrastructure.Data.Configurations;

public class FeeRecordConfiguration : IEntityTypeConfiguration<FeeRecord>
{
    public void Configure(EntityTypeBuilder<FeeRecord> b)
    {
        b.ToTable("FeeRecords");
        b.HasKey(x => x.RegistrationId);
        b.Property(x => x.RegistrationId).ValueGeneratedNever();
        b.Property(x => x.State).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Method).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Amount).HasPrecision(10, 2);
        b.Property(x => x.Reference).HasMaxLength(FeeRecord.MaxReferenceLength);
        b.Property(x => x.UpdatedByUserId).HasMaxLength(450);
        b.Property(x => x.ConcurrencyStamp).IsConcurrencyToken();
        b.HasOne<Registration>().WithOne().HasForeignKey<FeeRecord>(x => x.RegistrationId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Event>().WithMany().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.NoAction);
        b.HasIndex(x => new { x.EventId, x.State });
    }
}

public class InvoiceRequestConfiguration : IEntityTypeConfiguration<InvoiceRequest>
{
    public void Configure(EntityTypeBuilder<InvoiceRequest> b)
    {
        b.ToTable("InvoiceRequests");
        b.HasKey(x => x.RegistrationId);
        b.Property(x => x.RegistrationId).ValueGeneratedNever();
        b.Property(x => x.Title).HasMaxLength(InvoiceRequest.MaxTitleLength).IsRequired();
        b.Property(x => x.TaxId).HasMaxLength(18).IsRequired();
        b.Property(x => x.Email).HasMaxLength(FieldLimits.Email).IsRequired();
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        b.HasOne<Registration>().WithOne().HasForeignKey<InvoiceRequest>(x => x.RegistrationId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Event>().WithMany().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.NoAction);
        b.HasIndex(x => x.EventId);
    }
}
