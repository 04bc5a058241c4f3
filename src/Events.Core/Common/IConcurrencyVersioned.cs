namespace Events.Core.Common;

/// <summary>
/// An editable aggregate whose saves must detect a concurrent change.
/// The stamp is replaced on every save, so it works the same on SQLite and SQL Server.
/// </summary>
public interface IConcurrencyVersioned
{
    Guid ConcurrencyStamp { get; set; }
}
