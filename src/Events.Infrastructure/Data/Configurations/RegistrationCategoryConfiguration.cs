using Events.Core.Attendees;
using Events.Core.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Events.Infrastructure.Data.Configurations;

public class RegistrationCategoryConfiguration : IEntityTypeConfiguration<RegistrationCategory>
{
    public const int NameLength = 100;

    public void Configure(EntityTypeBuilder<RegistrationCategory> b)
    {
        b.Property(x => x.Name).HasMaxLength(NameLength).IsRequired();
        b.Property(x => x.NameEn).HasMaxLength(NameLength * 2);
        b.Property(x => x.Fee).HasPrecision(10, 2);
        b.Property(x => x.EarlyBirdFee).HasPrecision(10, 2);
        b.Property(x => x.BadgeColour).HasMaxLength(7);
        b.Property(x => x.BadgeLabel).HasMaxLength(RegistrationCategoryInput.BadgeLabelLength);
        b.Property(x => x.BadgeLabelEn).HasMaxLength(RegistrationCategoryInput.BadgeLabelLength * 2);
        b.Property(x => x.ConcurrencyStamp).IsConcurrencyToken();
        b.HasOne<Event>().WithMany().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.EventId, x.SortOrder });
    }
}

public class RegistrationAnswerConfiguration : IEntityTypeConfiguration<RegistrationAnswer>
{
    public const int KeyLength = 64;

    /// <summary>Long enough for a 2,000-character text answer, and for Data Protection ciphertext of a short one.</summary>
    public const int ValueLength = 4000;

    public void Configure(EntityTypeBuilder<RegistrationAnswer> b)
    {
        b.Property(x => x.FieldKey).HasMaxLength(KeyLength).IsRequired();
        b.Property(x => x.Value).HasMaxLength(ValueLength);
        b.HasOne<Registration>().WithMany(r => r.Answers).HasForeignKey(x => x.RegistrationId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.RegistrationId, x.FieldKey }).IsUnique();
        // The dashboard's counts: one event, one field, grouped by value.
        b.HasIndex(x => new { x.EventId, x.FieldKey });
    }
}

public class ReplyFormConfiguration : IEntityTypeConfiguration<ReplyForm>
{
    public void Configure(EntityTypeBuilder<ReplyForm> b)
    {
        b.ToTable("ReplyForms");
        b.HasKey(x => x.EventId);
        b.Property(x => x.EventId).ValueGeneratedNever();
        b.Property(x => x.DefinitionJson).IsRequired();
        b.Property(x => x.ConcurrencyStamp).IsConcurrencyToken();
        b.HasOne<Event>().WithOne().HasForeignKey<ReplyForm>(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class PersonalDataAccessConfiguration : IEntityTypeConfiguration<PersonalDataAccess>
{
    public void Configure(EntityTypeBuilder<PersonalDataAccess> b)
    {
        b.ToTable("PersonalDataAccessLog");
        b.Property(x => x.UserId).HasMaxLength(450).IsRequired();
        b.Property(x => x.What).HasMaxLength(200).IsRequired();
        b.HasOne<Event>().WithMany().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.EventId, x.At });
    }
}
