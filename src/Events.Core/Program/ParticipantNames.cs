namespace Events.Core.Program;

public static class ParticipantNames
{
    /// <summary>
    /// Names in order, joined with 、; unnamed people with the same label are counted once, as
    /// "沙龙嘉宾（未具名）×5", instead of repeating the label five times. <paramref name="name"/> words a person
    /// (the stored Chinese name unless given), <paramref name="separator"/> joins the parts (、 unless given).
    /// </summary>
    public static string Summarize(IEnumerable<SnapshotParticipant> participants, Func<SnapshotPerson, string>? name = null, string separator = "、")
    {
        name ??= p => p.Name;
        var parts = new List<string>();
        var counts = new Dictionary<string, int>();
        foreach (var p in participants)
        {
            if (p.Person is { } person)
            {
                var shown = name(person);
                if (!parts.Contains(shown)) parts.Add(shown);
                continue;
            }
            var label = p.Label ?? "";
            if (counts.TryGetValue(label, out var n)) counts[label] = n + 1;
            else
            {
                counts[label] = 1;
                parts.Add(label);
            }
        }
        return string.Join(separator, parts.Select(part => counts.TryGetValue(part, out var n) && n > 1 ? $"{part}×{n}" : part));
    }
}
