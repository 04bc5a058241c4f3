using Events.Core.Bulletins;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Events.Infrastructure.Data.Configurations;

public class BulletinConfiguration : IEntityTypeConfiguration<Bulletin>
{
    public void Configure(EntityTypeBuilder<Bulletin> b)
    {
        b.HasOne(x => x.Series).WithMany().HasForeignKey(x => x.SeriesId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Event).WithMany().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne(x => x.Corrects).WithMany().HasForeignKey(x => x.CorrectsId).OnDelete(DeleteBehavior.Restrict);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(32);
        b.Property(x => x.RunLabel).HasMaxLength(BulletinLimits.RunLabel);
        b.Property(x => x.Title).HasMaxLength(BulletinLimits.Title).IsRequired();
        b.Property(x => x.EditorsNote).HasMaxLength(BulletinLimits.EditorsNote);
        b.Property(x => x.Body).HasMaxLength(BulletinLimits.Body).IsRequired();
        b.Property(x => x.Column).HasMaxLength(BulletinLimits.ArticleLabel);
        b.Property(x => x.Kicker).HasMaxLength(BulletinLimits.Title);
        b.Property(x => x.Subtitle).HasMaxLength(BulletinLimits.Title);
        b.Property(x => x.Standfirst).HasMaxLength(BulletinLimits.EditorsNote);
        b.Property(x => x.AuthorNotes).HasConversion<string>().HasMaxLength(16);
        // Further articles are one JSON value, read and replaced with the issue, never queried by their parts.
        b.Property(x => x.Articles).IsRequired()
            .HasConversion(v => BulletinArticle.ToJson(v), v => BulletinArticle.FromJson(v),
                new ValueComparer<List<BulletinArticle>>((x, y) => BulletinArticle.ToJson(x!) == BulletinArticle.ToJson(y!),
                    v => BulletinArticle.ToJson(v).GetHashCode(StringComparison.Ordinal), v => v.Select(a => a.Copy()).ToList()));
        b.Property(x => x.PublishedBy).HasMaxLength(450);
        b.Property(x => x.PdfFile).HasMaxLength(64);
        b.Property(x => x.ConcurrencyStamp).IsConcurrencyToken();
        b.Ignore(x => x.IsPublished);
        b.HasMany(x => x.Authors).WithOne().HasForeignKey(x => x.BulletinId).OnDelete(DeleteBehavior.Cascade);
        b.OwnsOne(x => x.Credits, o =>
        {
            o.Property(p => p.CompiledBy).HasMaxLength(BulletinLimits.PersonNames).HasColumnName("CompiledBy");
            o.Property(p => p.Editor).HasMaxLength(BulletinLimits.PersonNames).HasColumnName("Editor");
            o.Property(p => p.ManagingEditor).HasMaxLength(BulletinLimits.PersonNames).HasColumnName("ManagingEditor");
            o.Ignore(p => p.IsEmpty);
        });
        b.Navigation(x => x.Credits).IsRequired();
        b.OwnsOne(x => x.Distribution, o =>
        {
            o.Property(p => p.SentTo).HasMaxLength(BulletinLimits.DistributionText).HasColumnName("SentTo");
            o.Property(p => p.CopiedTo).HasMaxLength(BulletinLimits.DistributionText).HasColumnName("CopiedTo");
            o.Property(p => p.MailTo).HasMaxLength(BulletinLimits.MailTo).HasColumnName("MailTo");
        });
        b.Navigation(x => x.Distribution).IsRequired();
        // The backstop behind the counters: a number is never given twice in a series, on either provider.
        b.HasIndex(x => new { x.SeriesId, x.Year, x.NumberInYear }).IsUnique().HasFilter("[NumberInYear] IS NOT NULL");
        b.HasIndex(x => new { x.SeriesId, x.CumulativeNumber }).IsUnique().HasFilter("[CumulativeNumber] IS NOT NULL");
        b.HasIndex(x => new { x.Status, x.PublishedAt });
        b.HasIndex(x => x.EventId);
    }
}

public class BulletinAuthorConfiguration : IEntityTypeConfiguration<BulletinAuthor>
{
    public void Configure(EntityTypeBuilder<BulletinAuthor> b)
    {
        b.Property(x => x.Name).HasMaxLength(BulletinLimits.AuthorName).IsRequired();
        b.Property(x => x.Note).HasMaxLength(BulletinLimits.AuthorNote);
    }
}
