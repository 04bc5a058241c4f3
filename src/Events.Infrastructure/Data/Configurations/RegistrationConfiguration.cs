using Events.Core.Attendees;
using Events.Core.Events;
using Events.Core.Validation;
using Events.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Events.Infrastructure.Data.Configurations;

public class RegistrationConfiguration : IEntityTypeConfiguration<Registration>
{
    /// <summary>
    /// At most one open registration (active, pending approval or waiting) per user and event, enforced by the
    /// database for the double click that races itself. Square brackets quote identifiers on both SQLite and SQL Server.
    /// </summary>
    public const string ActiveFilter = "[State] IN ('Active', 'PendingApproval', 'Waiting')";

    /// <summary>Data Protection ciphertext of a 50-character phone number fits easily.</summary>
    public const int ProtectedPhoneLength = 1000;

    public void Configure(EntityTypeBuilder<Registration> b)
    {
        b.Property(x => x.UserId).HasMaxLength(450);
        b.Property(x => x.Name).HasMaxLength(FieldLimits.PersonName).IsRequired();
        b.Property(x => x.Organization).HasMaxLength(FieldLimits.OrganizationName).IsRequired();
        b.Property(x => x.Title).HasMaxLength(FieldLimits.Title).IsRequired();
        b.Property(x => x.Email).HasMaxLength(FieldLimits.Email).IsRequired();
        b.Property(x => x.Phone).HasMaxLength(ProtectedPhoneLength);
        b.Property(x => x.FeeAmount).HasPrecision(10, 2);
        b.Property(x => x.DecidedByUserId).HasMaxLength(450);
        b.Property(x => x.HandoverName).HasMaxLength(FieldLimits.PersonName);
        b.Property(x => x.HandoverEmail).HasMaxLength(FieldLimits.Email);
        b.Property(x => x.HandoverOrganization).HasMaxLength(FieldLimits.OrganizationName);
        b.Property(x => x.DoorNote).HasMaxLength(RegistrationDoorNote.MaxLength);
        b.Property(x => x.HandoverPhone).HasMaxLength(ProtectedPhoneLength);
        b.Property(x => x.HandedOverFrom).HasMaxLength(FieldLimits.PersonName);
        b.Property(x => x.ConcurrencyStamp).IsConcurrencyToken();
        b.HasOne<RegistrationCategory>().WithMany().HasForeignKey(x => x.CategoryId).OnDelete(DeleteBehavior.NoAction);
        b.Property(x => x.State).HasConversion<string>().HasMaxLength(32);
        b.HasOne<Event>().WithMany().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.EventId, x.UserId }).IsUnique().HasFilter(ActiveFilter).HasDatabaseName("IX_Registrations_EventId_UserId_Active");
        b.HasIndex(x => new { x.EventId, x.State, x.RegisteredAt });
        b.HasIndex(x => new { x.EventId, x.CategoryId, x.State });
        b.HasIndex(x => new { x.UserId, x.State });
    }
}
