using Events.Core.Common;

namespace Events.Core.OnTheDay;

/// <summary>How a session's room is seated.</summary>
public enum SeatingLayout
{
    /// <summary>A rostrum (主席台): one row, seated from the centre outward by rank.</summary>
    Rostrum,

    /// <summary>Round tables (banquets).</summary>
    Tables,

    /// <summary>Rows (group discussions).</summary>
    Rows,
}

/// <summary>The seating of one session (座次): who sits there, in rank order, and how the room is laid out.</summary>
public class SeatingPlan : IConcurrencyVersioned
{
    public int Id { get; set; }
    public int SessionId { get; set; }
    public SeatingLayout Layout { get; set; }
    public SeatingConvention Convention { get; set; }

    /// <summary>Seats per table or per row (tables and rows only).</summary>
    public int SeatsPerTable { get; set; } = 10;

    /// <summary>The people in rank order (1 is the most senior).</summary>
    public List<SeatingGuest> Guests { get; set; } = [];
    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();
}

/// <summary>
/// One seated person. The name and the line under it are copied when the person is added (from the people list, a
/// registration or typed in), so a table tent prints what the organizer saw, and guests without an account can be seated.
/// </summary>
public class SeatingGuest
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    public int Rank { get; set; }
    public required string Name { get; set; }

    /// <summary>Unit and title, as the chart prints them under the name.</summary>
    public string? Title { get; set; }

    /// <summary>The group (usually the unit) that "fill by group" keeps together at one table.</summary>
    public string? Group { get; set; }
    public int? PersonId { get; set; }
    public int? RegistrationId { get; set; }

    /// <summary>The table or row (1-based) for tables and rows; null on a rostrum.</summary>
    public int? Table { get; set; }
}
