using Events.Core.Bulletins;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Events.Infrastructure.Data.Configurations;

public class BulletinFontConfiguration : IEntityTypeConfiguration<BulletinFont>
{
    public void Configure(EntityTypeBuilder<BulletinFont> b)
    {
        b.ToTable("BulletinFonts");
        b.HasOne<BulletinSeries>().WithMany().HasForeignKey(x => x.SeriesId).OnDelete(DeleteBehavior.Cascade);
        // One font per role and series: a second upload replaces the first.
        b.HasIndex(x => new { x.SeriesId, x.Role }).IsUnique();
        b.Property(x => x.Role).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Format).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.FamilyName).HasMaxLength(BulletinFont.FamilyNameLength).IsRequired();
        b.Property(x => x.FileName).HasMaxLength(BulletinFont.FileNameLength).IsRequired();
        b.Property(x => x.StoredName).HasMaxLength(64).IsRequired();
        b.Property(x => x.UploadedBy).HasMaxLength(450);
    }
}
