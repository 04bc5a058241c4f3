using Events.Core.Validation;
using Events.Core.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Events.Infrastructure.Data.Configurations;

public class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> b)
    {
        b.Property(x => x.Name).HasMaxLength(FieldLimits.PersonName).IsRequired();
        b.Property(x => x.NameEn).HasMaxLength(FieldLimits.PersonNameEn);
        b.Property(x => x.Bio).HasMaxLength(FieldLimits.Bio);
        b.Property(x => x.Email).HasMaxLength(FieldLimits.Email);
        b.Property(x => x.Phone).HasMaxLength(FieldLimits.Phone);
        b.Property(x => x.PhotoFile).HasMaxLength(100);
        b.Property(x => x.ConcurrencyStamp).IsConcurrencyToken();
        b.HasMany(x => x.Positions).WithOne().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.Name);
    }
}
