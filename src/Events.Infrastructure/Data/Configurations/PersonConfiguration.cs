using Events.Core.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Events.Infrastructure.Data.Configurations;

public class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> b)
    {
        b.Property(x => x.Name).HasMaxLength(100).IsRequired();
        b.Property(x => x.NameEn).HasMaxLength(200);
        b.Property(x => x.Bio).HasMaxLength(4000);
        b.Property(x => x.Email).HasMaxLength(256);
        b.Property(x => x.Phone).HasMaxLength(50);
        b.Property(x => x.PhotoFile).HasMaxLength(100);
        b.Property(x => x.ConcurrencyStamp).IsConcurrencyToken();
        b.HasMany(x => x.Positions).WithOne().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.Name);
    }
}
