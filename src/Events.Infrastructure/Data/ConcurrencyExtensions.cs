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

    /// <summary>
    /// Creates or updates a row kept once per owner (an event's settings) against the stamp the form loaded: a form loaded
    /// before any row existed (<see cref="Guid.Empty"/>) may only create it, a form that loaded a row may only update that
    /// version, and two first saves at once leave one (the unique key refuses the other). Null on a conflict, when nothing
    /// was written; otherwise the saved row with its new stamp.
    /// </summary>
    public static async Task<T?> SaveOnceAsync<T>(this DbContext db, T? stored, Func<T> create, Guid loadedStamp, Action<T> apply, CancellationToken ct)
        where T : class, IConcurrencyVersioned
    {
        var row = stored;
        if (row is null)
        {
            if (loadedStamp != Guid.Empty) return null;
            row = create();
            db.Add(row);
        }
        else
        {
            if (loadedStamp == Guid.Empty) return null;
            db.ExpectVersion(row, loadedStamp);
        }
        apply(row);
        try
        {
            return await db.TrySaveVersionedAsync(ct) ? row : null;
        }
        catch (DbUpdateException) when (loadedStamp == Guid.Empty)
        {
            return null;
        }
    }
}
