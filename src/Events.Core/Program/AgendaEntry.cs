namespace Events.Core.Program;

/// <summary>A session an attendee starred for "my agenda" (我的日程).</summary>
public class AgendaEntry
{
    public int Id { get; set; }
    public required string UserId { get; set; }
    public int SessionId { get; set; }
}
