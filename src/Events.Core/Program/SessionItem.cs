namespace Events.Core.Program;

/// <summary>One talk, address or release inside a session, in running order.</summary>
public class SessionItem
{
    public int Id { get; set; }
    public int SessionId { get; set; }
    public int Order { get; set; }
    public required string Title { get; set; }
    public int DurationMinutes { get; set; }
    public List<ItemParticipant> Participants { get; set; } = [];

    /// <summary>For a release of results: the reports released, in order.</summary>
    public List<ReleasedPublication> Publications { get; set; } = [];
}

/// <summary>
/// A person in an item. Sources sometimes give only a count ("12 young scholars"); such a participant has no
/// person and a label, so the program never invents names.
/// </summary>
public class ItemParticipant
{
    public int Id { get; set; }
    public int ItemId { get; set; }
    public int? PersonId { get; set; }
    public People.Person? Person { get; set; }
    public string? UnnamedLabel { get; set; }
    public ItemRole Role { get; set; }
    public int Order { get; set; }
}

public class ReleasedPublication
{
    public int Id { get; set; }
    public int ItemId { get; set; }
    public required string Title { get; set; }
    public int Order { get; set; }
}
