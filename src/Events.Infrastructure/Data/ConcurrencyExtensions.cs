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
}
