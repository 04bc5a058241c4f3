using Events.Core.Bulletins;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Events.Infrastructure.Data.Configurations;

public class BulletinSeriesConfiguration : IEntityTypeConfiguration<BulletinSeries>
{
    public void Configure(EntityTypeBuilder<BulletinSeries> b)
    {
        b.ToTable("BulletinSeries");
        b.Property(x => x.Name).HasMaxLength(BulletinLimits.SeriesName).IsRequired();
        b.HasIndex(x => x.Name).IsUnique();
        b.Property(x => x.Publisher).HasMaxLength(BulletinLimits.Publisher).IsRequired();
        b.HasOne(x => x.PublisherOrganization).WithMany().HasForeignKey(x => x.PublisherOrganizationId).OnDelete(DeleteBehavior.Restrict);
        // The house style is one JSON value: it is read and replaced whole, never queried by its parts.
        b.Property(x => x.Style).HasColumnName("HouseStyle").IsRequired()
            .HasConversion(v => v.ToJson(), v => BulletinHouseStyle.FromJson(v),
                new ValueComparer<BulletinHouseStyle>((x, y) => x!.ToJson() == y!.ToJson(), v => v.ToJson().GetHashCode(StringComparison.Ordinal), v => v.Copy()));
        b.Property(x => x.MastheadColor).HasMaxLength(BulletinLimits.Color).IsRequired();
        // Publishing reads the counters and writes them back under this stamp, so two publishes never hand out one number.
        b.Property(x => x.ConcurrencyStamp).IsConcurrencyToken();
        b.OwnsOne(x => x.EditorialBoard, o =>
        {
            o.Property(p => p.Director).HasMaxLength(BulletinLimits.PersonNames).HasColumnName("BoardDirector");
            o.Property(p => p.Deputies).HasMaxLength(BulletinLimits.PersonNames).HasColumnName("BoardDeputies");
            o.Property(p => p.EditorInChief).HasMaxLength(BulletinLimits.PersonNames).HasColumnName("BoardEditorInChief");
            o.Ignore(p => p.IsEmpty);
        });
        b.Navigation(x => x.EditorialBoard).IsRequired();
        b.OwnsOne(x => x.Contact, o =>
        {
            o.Property(p => p.Phone).HasMaxLength(BulletinLimits.ContactField).HasColumnName("ContactPhone");
            o.Property(p => p.Fax).HasMaxLength(BulletinLimits.ContactField).HasColumnName("ContactFax");
            o.Property(p => p.Email).HasMaxLength(BulletinLimits.ContactField).HasColumnName("ContactEmail");
            o.Property(p => p.Address).HasMaxLength(BulletinLimits.ContactField).HasColumnName("ContactAddress");
            o.Property(p => p.Postcode).HasMaxLength(BulletinLimits.ContactField).HasColumnName("ContactPostcode");
            o.Ignore(p => p.IsEmpty);
        });
        b.Navigation(x => x.Contact).IsRequired();
    }
}
