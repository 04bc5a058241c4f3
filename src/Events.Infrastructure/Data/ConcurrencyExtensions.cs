using Events.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace Events.Infrastructure.Data;

public static class ConcurrencyExtensions
{
    /// <summary>
    /// Makes the next save succeed only if the row still carries the stamp the user loaded,
    /// and gives it a fresh stamp. The stamp is always rewritten, so a change to child rows alone is checked too.
    /// </summary>
    public static void ExpectVersion<T>(this DbContext db, T entity, Guid loadedStamp) where T : class, IConcurrencyVersioned
    {
        db.Entry(entity).Property(x => x.ConcurrencyStamp).OriginalValue = loadedStamp;
        entity.ConcurrencyStamp = Guid.NewGuid();
    }

    /// <summary>Saves; false when a row expected by <see cref="ExpectVersion"/> was changed by someone else, and then nothing was written.</summary>
    public static async Task<bool> TrySaveVersionedAsync(this DbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
    }
}
