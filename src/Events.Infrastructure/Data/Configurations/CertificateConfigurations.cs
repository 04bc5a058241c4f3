using Events.Core.Certificates;
using Events.Core.Events;
using Events.Core.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Events.Infrastructure.Data.Configurations;

public class CertificateDesignConfiguration : IEntityTypeConfiguration<CertificateDesign>
{
    public void Configure(EntityTypeBuilder<CertificateDesign> b)
    {
        b.Property(x => x.OrganizationName).HasMaxLength(CertificateText.OrganizationMax);
        b.Property(x => x.OrganizationNameEn).HasMaxLength(FieldLimits.OrganizationNameEn);
        b.Property(x => x.LogoFile).HasMaxLength(64);
        b.Property(x => x.SealFile).HasMaxLength(64);
        b.Property(x => x.DateStyle).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.ConcurrencyStamp).IsConcurrencyToken();
        b.HasOne<Event>().WithMany().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.EventId).IsUnique();
    }
}

public class CertificateTemplateConfiguration : IEntityTypeConfiguration<CertificateTemplate>
{
    public void Configure(EntityTypeBuilder<CertificateTemplate> b)
    {
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Culture).HasMaxLength(8);
        b.Property(x => x.Title).HasMaxLength(CertificateText.TitleMax);
        b.Property(x => x.Body).HasMaxLength(CertificateText.BodyMax);
        b.Property(x => x.Signature).HasMaxLength(CertificateText.SignatureMax);
        b.Property(x => x.ConcurrencyStamp).IsConcurrencyToken();
        b.HasOne<Event>().WithMany().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.EventId, x.Kind, x.Culture }).IsUnique();
    }
}

public class CertificateConfiguration : IEntityTypeConfiguration<Certificate>
{
    public const string OnePerRecipient = "IX_Certificates_EventId_Kind_Recipient_RecipientId";

    public void Configure(EntityTypeBuilder<Certificate> b)
    {
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Recipient).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Culture).HasMaxLength(8);
        b.Property(x => x.Name).HasMaxLength(FieldLimits.PersonNameEn);
        b.Property(x => x.Organization).HasMaxLength(FieldLimits.OrganizationNameEn);
        b.Property(x => x.Email).HasMaxLength(FieldLimits.Email);
        b.Property(x => x.ReportTitle).HasMaxLength(1000);
        b.Property(x => x.IssuedByUserId).HasMaxLength(450);
        b.Property(x => x.RevokedByUserId).HasMaxLength(450);
        b.HasOne<Event>().WithMany().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.EventId, x.Kind, x.Recipient, x.RecipientId }).IsUnique().HasDatabaseName(OnePerRecipient);
    }
}

public class CertificateBuildConfiguration : IEntityTypeConfiguration<CertificateBuild>
{
    public void Configure(EntityTypeBuilder<CertificateBuild> b)
    {
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Format).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.State).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.StoredName).HasMaxLength(64);
        b.Property(x => x.Error).HasMaxLength(1000);
        b.Property(x => x.RequestedByUserId).HasMaxLength(450);
        b.HasOne<Event>().WithMany().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.State, x.Id });
        b.HasIndex(x => new { x.EventId, x.CreatedAt });
    }
}
