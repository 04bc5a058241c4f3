namespace Events.Core.Program;

public enum ChangeKind
{
    Added,
    Removed,
    Moved,
    Changed,
}

/// <summary>One line of a version's change log. For a move, the old and new time and room are both given.</summary>
public sealed record ProgramChange(
    ChangeKind Kind, int SessionId, string Title,
    DateTimeOffset? OldStart = null, DateTimeOffset? NewStart = null, string? OldRoom = null, string? NewRoom = null);

public sealed record ProgramDiff(IReadOnlyList<ProgramChange> Changes, IReadOnlyList<int> AffectedPeople);

public static class ProgramChanges
{
    /// <summary>
    /// What a new version changes against the previous one (none for v1: everything is new, nobody to tell).
    /// People are affected when a session they chair or speak in is added, removed, moved or changed.
    /// </summary>
    public static ProgramDiff Compare(ProgramSnapshot? previous, ProgramSnapshot next)
    {
        if (previous is null) return new ProgramDiff(next.Sessions.Select(s => new ProgramChange(ChangeKind.Added, s.Id, s.Title, NewStart: s.Start, NewRoom: s.RoomName)).ToList(), []);

        var before = previous.Sessions.ToDictionary(s => s.Id);
        var after = next.Sessions.ToDictionary(s => s.Id);
        var changes = new List<ProgramChange>();
        var affected = new HashSet<int>();

        foreach (var s in next.Sessions.Where(s => !before.ContainsKey(s.Id)))
        {
            changes.Add(new(ChangeKind.Added, s.Id, s.Title, NewStart: s.Start, NewRoom: s.RoomName));
            affected.UnionWith(PeopleOf(s));
        }
        foreach (var s in previous.Sessions.Where(s => !after.ContainsKey(s.Id)))
        {
            changes.Add(new(ChangeKind.Removed, s.Id, s.Title, OldStart: s.Start, OldRoom: s.RoomName));
            affected.UnionWith(PeopleOf(s));
        }
        foreach (var s in next.Sessions.Where(s => before.ContainsKey(s.Id)))
        {
            var old = before[s.Id];
            if (old.Start != s.Start || old.End != s.End || old.RoomId != s.RoomId)
            {
                changes.Add(new(ChangeKind.Moved, s.Id, s.Title, old.Start, s.Start, old.RoomName, s.RoomName));
                affected.UnionWith(PeopleOf(s));
                affected.UnionWith(PeopleOf(old));
            }
            else if (old.Title != s.Title || old.Kind != s.Kind || !old.Items.SequenceEqual(s.Items, SnapshotItemComparer.Instance)
                || !old.Chairs.Select(c => c.Id).SequenceEqual(s.Chairs.Select(c => c.Id)))
            {
                changes.Add(new(ChangeKind.Changed, s.Id, s.Title));
                // Only people who joined or left, or whose item changed, need a mail; the rest of the session is untouched for them.
                var joinedOrLeft = PeopleOf(s).ToHashSet();
                joinedOrLeft.SymmetricExceptWith(PeopleOf(old));
                affected.UnionWith(joinedOrLeft);
                affected.UnionWith(ChangedItemPeople(old, s));
            }
        }
        return new ProgramDiff(changes.OrderBy(c => c.Kind).ThenBy(c => c.SessionId).ToList(), affected.Order().ToList());
    }

    private static IEnumerable<int> PeopleOf(SnapshotSession s) =>
        s.Chairs.Select(c => c.Id).Concat(s.Items.SelectMany(i => i.Participants).Where(p => p.Person is not null).Select(p => p.Person!.Id));

    private static IEnumerable<int> ChangedItemPeople(SnapshotSession old, SnapshotSession next)
    {
        var oldItems = old.Items.ToList();
        foreach (var item in next.Items)
        {
            if (oldItems.Any(o => SnapshotItemComparer.Instance.Equals(o, item))) continue;
            foreach (var p in item.Participants.Where(p => p.Person is not null)) yield return p.Person!.Id;
        }
    }

    private sealed class SnapshotItemComparer : IEqualityComparer<SnapshotItem>
    {
        public static readonly SnapshotItemComparer Instance = new();

        public bool Equals(SnapshotItem? x, SnapshotItem? y) =>
            x is not null && y is not null && x.Title == y.Title && x.DurationMinutes == y.DurationMinutes
            && x.Participants.Select(p => (p.Role, p.Person?.Id, p.Label)).SequenceEqual(y.Participants.Select(p => (p.Role, p.Person?.Id, p.Label)))
            && x.Publications.SequenceEqual(y.Publications);

        public int GetHashCode(SnapshotItem obj) => HashCode.Combine(obj.Title, obj.DurationMinutes);
    }
}
