using Events.Core.Booklets;
using Events.Core.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Events.Infrastructure.Data.Configurations;

public class BookletSettingsConfiguration : IEntityTypeConfiguration<BookletSettings>
{
    public void Configure(EntityTypeBuilder<BookletSettings> b)
    {
        b.ToTable("BookletSettings");
        b.HasKey(x => x.EventId);
        b.Property(x => x.EventId).ValueGeneratedNever();
        b.Property(x => x.Cover).HasMaxLength(BookletText.CoverMax).IsRequired();
        b.Property(x => x.Notice).HasMaxLength(BookletText.NoticeMax).IsRequired();
        b.Property(x => x.Contacts).HasMaxLength(BookletText.ContactsMax).IsRequired();
        b.Property(x => x.Paper).HasConversion<string>().HasMaxLength(8);
        b.Property(x => x.Order).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Culture).HasMaxLength(8);
        b.Property(x => x.ConcurrencyStamp).IsConcurrencyToken();
        b.HasOne<Event>().WithOne().HasForeignKey<BookletSettings>(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class BookletBuildConfiguration : IEntityTypeConfiguration<BookletBuild>
{
    public void Configure(EntityTypeBuilder<BookletBuild> b)
    {
        b.Property(x => x.State).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Paper).HasConversion<string>().HasMaxLength(8);
        b.Property(x => x.Culture).HasMaxLength(8);
        b.Property(x => x.StoredName).HasMaxLength(64);
        b.Property(x => x.Error).HasMaxLength(1000);
        b.Property(x => x.RequestedByUserId).HasMaxLength(450);
        b.HasOne<Event>().WithMany().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.State, x.Id });
        b.HasIndex(x => new { x.EventId, x.CreatedAt });
    }
}
